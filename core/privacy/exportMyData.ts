import { declaredTiesOfPeople, type DeclaredTieOfPerson } from "../network/moveTies.ts";
import type { Db } from "../../db/client.ts";
import type { Locale, Role } from "../../db/schema.ts";
import {
  challengeTracesOf,
  type ChallengeRatingOfPerson,
  type ChallengeRoleOfPerson,
} from "../challenges/personTraces.ts";
import { redactSecretLinks } from "../kernel/secretLinks.ts";
import { coalitionTracesOf, type CoalitionOfPerson } from "../coalitions/parties.ts";
import { actionTracesOf, type ActionOfPerson } from "../actions/parties.ts";
import { addressReach, inReach } from "./reach.ts";

export interface MyDataExport {
  exportedAt: string;
  user: {
    id: string;
    email: string;
    name: string;
    locale: Locale;
    isPlatformAdmin: boolean;
    createdAt: string;
    /** False until a link mailed to the address was used: other regions' records are left out. */
    emailVerified: boolean;
  };
  memberships: { regionSlug: string; regionName: string; role: Role; since: string }[];
  people: {
    id: string;
    regionSlug: string;
    regionName: string;
    organisation: string | null;
    name: string;
    email: string | null;
    perspectives: string[];
    expertise: string[];
    createdAt: string;
    updatedAt: string;
  }[];
  invitations: {
    regionName: string;
    role: Role;
    createdAt: string;
    expiresAt: string;
    acceptedAt: string | null;
  }[];
  mails: {
    regionName: string | null;
    to: string;
    subject: string;
    text: string;
    createdAt: string;
    sentAt: string | null;
  }[];
  /** Ratings and roles in challenges by the people records above (by their id). */
  challengeRatings: ChallengeRatingOfPerson[];
  challengeRoles: ChallengeRoleOfPerson[];
  /** Who they work with, as recorded in the region's network. */
  declaredTies: DeclaredTieOfPerson[];
  coalitions: CoalitionOfPerson[];
  actions: ActionOfPerson[];
  activeSessions: number;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

/**
 * Everything the platform holds about the signed-in person (GDPR art. 15 and 20): the account
 * without its password hash, memberships, the people records that carry their e-mail address in
 * any region (organisers may have entered them before they had an account), invitations and
 * mails to that address (other regions' only once the address is verified: see reach.ts), and how
 * many sessions are open. Secrets (password hash, token hashes,
 * session CSRF tokens) are left out: they describe nothing about the person and must not leak.
 */
export async function exportMyData(db: Db, userId: string): Promise<MyDataExport | null> {
  const user = await db
    .selectFrom("users")
    .select([
      "id",
      "email",
      "name",
      "locale",
      "is_platform_admin",
      "created_at",
      "email_verified_at",
    ])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) return null;
  const reach = addressReach(user);
  const [memberships, people, invitations, mails, sessions] = await Promise.all([
    db
      .selectFrom("memberships as m")
      .innerJoin("regions as r", "r.id", "m.region_id")
      .select(["r.slug", "r.name", "m.role", "m.created_at"])
      .where("m.user_id", "=", user.id)
      .orderBy("r.name")
      .execute(),
    db
      .selectFrom("people as p")
      .innerJoin("regions as r", "r.id", "p.region_id")
      .leftJoin("organisations as o", "o.id", "p.organisation_id")
      .select([
        "p.id",
        "r.slug",
        "r.name as region_name",
        "o.name as organisation",
        "p.name",
        "p.email",
        "p.perspectives",
        "p.expertise",
        "p.created_at",
        "p.updated_at",
      ])
      .where("p.email", "=", user.email)
      .where(inReach(reach, "p.region_id"))
      .orderBy("r.name")
      .execute(),
    db
      .selectFrom("invitations as i")
      .innerJoin("regions as r", "r.id", "i.region_id")
      .select(["r.name", "i.role", "i.created_at", "i.expires_at", "i.accepted_at"])
      .where("i.email", "=", user.email)
      .where(inReach(reach, "i.region_id"))
      .orderBy("i.created_at")
      .execute(),
    db
      .selectFrom("outbox as o")
      .leftJoin("regions as r", "r.id", "o.region_id")
      .select(["r.name", "o.to_address", "o.subject", "o.body_text", "o.created_at", "o.sent_at"])
      .where("o.to_address", "=", user.email)
      .where(inReach(reach, "o.region_id"))
      .orderBy("o.created_at")
      .execute(),
    db
      .selectFrom("auth_sessions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", user.id)
      .where("expires_at", ">", new Date())
      .executeTakeFirstOrThrow(),
  ]);
  const traces = await challengeTracesOf(
    db,
    people.map((p) => p.id),
  );
  return {
    exportedAt: new Date().toISOString(),
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      isPlatformAdmin: user.is_platform_admin,
      createdAt: iso(user.created_at),
      emailVerified: reach.verified,
    },
    memberships: memberships.map((m) => ({
      regionSlug: m.slug,
      regionName: m.name,
      role: m.role,
      since: iso(m.created_at),
    })),
    people: people.map((p) => ({
      id: p.id,
      regionSlug: p.slug,
      regionName: p.region_name,
      organisation: p.organisation,
      name: p.name,
      email: p.email,
      perspectives: p.perspectives,
      expertise: p.expertise,
      createdAt: iso(p.created_at),
      updatedAt: iso(p.updated_at),
    })),
    invitations: invitations.map((i) => ({
      regionName: i.name,
      role: i.role,
      createdAt: iso(i.created_at),
      expiresAt: iso(i.expires_at),
      acceptedAt: isoOrNull(i.accepted_at),
    })),
    mails: mails.map((m) => ({
      regionName: m.name,
      to: m.to_address,
      subject: m.subject,
      // The links in them are keys, not data about the person.
      text: redactSecretLinks(m.body_text, "[link]"),
      createdAt: iso(m.created_at),
      sentAt: isoOrNull(m.sent_at),
    })),
    challengeRatings: traces.ratings,
    challengeRoles: traces.roles,
    declaredTies: await declaredTiesOfPeople(
      db,
      people.map((p) => p.id),
    ),
    coalitions: await coalitionTracesOf(
      db,
      people.map((p) => p.id),
    ),
    actions: await actionTracesOf(
      db,
      people.map((p) => p.id),
    ),
    activeSessions: Number(sessions.n),
  };
}
