import type { Reader } from "../kernel/tx.ts";

export interface ChallengeRatingOfPerson {
  personId: string;
  challenge: string;
  /** The organisation the person rated for; null when they rated on their own. */
  organisation: string | null;
  urgency: number;
  importance: number;
  why: string;
  updatedAt: string;
}

export interface ChallengeRoleOfPerson {
  personId: string;
  challenge: string;
  role: string;
  organisation: string | null;
  note: string;
  createdAt: string;
}

/**
 * The ratings and roles in challenges that name these people, for a person's data export (the
 * right of access). Read by person id, so the caller decides whose records they are.
 */
export async function challengeTracesOf(db: Reader, personIds: string[]) {
  if (personIds.length === 0)
    return { ratings: [] as ChallengeRatingOfPerson[], roles: [] as ChallengeRoleOfPerson[] };
  const [ratings, roles] = await Promise.all([
    db
      .selectFrom("challenge_ratings as r")
      .innerJoin("challenges as c", "c.id", "r.challenge_id")
      .leftJoin("organisations as o", "o.id", "r.organisation_id")
      .select([
        "r.person_id",
        "c.title",
        "o.name",
        "r.urgency",
        "r.importance",
        "r.why",
        "r.updated_at",
      ])
      .where("r.person_id", "in", personIds)
      .orderBy("c.title")
      .execute(),
    db
      .selectFrom("challenge_roles as ro")
      .innerJoin("challenges as c", "c.id", "ro.challenge_id")
      .leftJoin("organisations as o", "o.id", "ro.organisation_id")
      .select(["ro.person_id", "c.title", "ro.role", "o.name", "ro.note", "ro.created_at"])
      .where("ro.person_id", "in", personIds)
      .orderBy("c.title")
      .orderBy("ro.role")
      .execute(),
  ]);
  return {
    ratings: ratings.map((r): ChallengeRatingOfPerson => ({
      personId: r.person_id!,
      challenge: r.title,
      organisation: r.name,
      urgency: r.urgency,
      importance: r.importance,
      why: r.why,
      updatedAt: new Date(r.updated_at).toISOString(),
    })),
    roles: roles.map((r): ChallengeRoleOfPerson => ({
      personId: r.person_id!,
      challenge: r.title,
      role: r.role,
      organisation: r.name,
      note: r.note,
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}
