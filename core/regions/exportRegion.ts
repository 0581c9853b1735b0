import type { Db } from "../../db/client.ts";
import type { Reader } from "../kernel/tx.ts";
import type { ChallengeStatus, CyclePhase, DeclaredTieKind, Role } from "../../db/schema.ts";
import { LINK_COLUMN, LINK_KINDS, type LinkKind } from "../challenges/schema.ts";

export const REGION_EXPORT_FORMAT = "lerende-regio/region";
export const REGION_EXPORT_VERSION = 1;

export interface RegionExport {
  format: typeof REGION_EXPORT_FORMAT;
  version: typeof REGION_EXPORT_VERSION;
  exportedAt: string;
  region: {
    slug: string;
    name: string;
    description: string;
    challenges: string;
    primaryColor: string;
    logo: string | null;
    logoMime: string | null;
    retentionMonths: number;
    privacyStatement: string;
    /** The consolidation guard's thresholds and the roles tracked per challenge. */
    staleAfterWeeks: number;
    phaseMaxMonths: number;
    challengeRoles: string[];
  };
  organisations: { ref: string; name: string; sector: string; website: string }[];
  people: {
    /** What ratings and roles of challenges name the person by; not kept as an id on import. */
    ref: string;
    name: string;
    email: string | null;
    organisationRef: string | null;
    perspectives: string[];
    expertise: string[];
    erasedAt: string | null;
  }[];
  memberships: { email: string; name: string; role: Role }[];
  invitations: { email: string; role: Role; expiresAt: string }[];
  challenges: ChallengeExport[];
  declaredTies: {
    /** Two people's refs, or null for a tie between organisations. */
    personRefs: [string, string] | null;
    organisationRefs: [string, string] | null;
    kind: DeclaredTieKind;
    note: string;
    createdAt: string;
  }[];
}

/** Who did it, by the account's address: accounts are matched by address on import. */
type ByAccount = string | null;

export interface ChallengeExport {
  slug: string;
  title: string;
  whyUrgent: string;
  forWhom: string;
  guidingQuestion: string;
  geography: string;
  owners: string;
  status: ChallengeStatus;
  published: boolean;
  phase: CyclePhase;
  phaseSince: string;
  continuationFunding: string;
  continuationStructure: string;
  continuationOwner: string;
  createdAt: string;
  createdBy: ByAccount;
  phaseChanges: {
    from: CyclePhase | null;
    to: CyclePhase;
    reason: string;
    changedAt: string;
    changedBy: ByAccount;
  }[];
  /** The activity by its id in the exporting installation, with its title for a reader. */
  links: { kind: LinkKind; ref: string; title: string; phase: CyclePhase; createdAt: string }[];
  ratings: {
    organisationRef: string | null;
    personRef: string | null;
    sector: string | null;
    perspective: string | null;
    urgency: number;
    importance: number;
    why: string;
    createdAt: string;
    updatedAt: string;
  }[];
  roles: {
    role: string;
    organisationRef: string | null;
    personRef: string | null;
    note: string;
    createdAt: string;
  }[];
  ambitions: { now: number; desired: number; note: string; recordedAt: string; setBy: ByAccount }[];
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** A region's challenges with everything that hangs off them, in a handful of statements. */
async function readChallenges(trx: Reader, regionId: string): Promise<ChallengeExport[]> {
  const challenges = await trx
    .selectFrom("challenges as c")
    .leftJoin("users as u", "u.id", "c.created_by")
    .selectAll("c")
    .select("u.email as created_by_email")
    .where("c.region_id", "=", regionId)
    .orderBy("c.slug")
    .execute();
  if (challenges.length === 0) return [];
  const ids = challenges.map((c) => c.id);
  const [changes, links, ratings, roles, ambitions] = await Promise.all([
    trx
      .selectFrom("challenge_phase_changes as pc")
      .leftJoin("users as u", "u.id", "pc.changed_by")
      .select(["pc.challenge_id", "pc.from_phase", "pc.to_phase", "pc.reason", "pc.changed_at"])
      .select("u.email")
      .where("pc.challenge_id", "in", ids)
      .orderBy("pc.changed_at")
      .orderBy("pc.id")
      .execute(),
    trx
      .selectFrom("challenge_links as l")
      .leftJoin("events as e", "e.id", "l.event_id")
      .leftJoin("dialogue_sessions as s", "s.id", "l.dialogue_session_id")
      .leftJoin("harvests as h", "h.id", "l.harvest_id")
      .leftJoin("actions as a", "a.id", "l.action_id")
      .leftJoin("coalitions as co", "co.id", "l.coalition_id")
      .selectAll("l")
      .select((eb) =>
        eb.fn.coalesce("e.title", "s.title", "h.title", "a.title", "co.title").as("title"),
      )
      .where("l.challenge_id", "in", ids)
      .orderBy("l.created_at")
      .orderBy("l.id")
      .execute(),
    trx
      .selectFrom("challenge_ratings")
      .selectAll()
      .where("challenge_id", "in", ids)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    trx
      .selectFrom("challenge_roles")
      .selectAll()
      .where("challenge_id", "in", ids)
      .orderBy("role")
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    trx
      .selectFrom("challenge_ambitions as am")
      .leftJoin("users as u", "u.id", "am.set_by")
      .selectAll("am")
      .select("u.email")
      .where("am.challenge_id", "in", ids)
      .orderBy("am.recorded_at")
      .orderBy("am.id")
      .execute(),
  ]);
  const of = <T extends { challenge_id: string }>(rows: T[], id: string) =>
    rows.filter((r) => r.challenge_id === id);
  return challenges.map((c) => ({
    slug: c.slug,
    title: c.title,
    whyUrgent: c.why_urgent,
    forWhom: c.for_whom,
    guidingQuestion: c.guiding_question,
    geography: c.geography,
    owners: c.owners,
    status: c.status,
    published: c.published,
    phase: c.phase,
    phaseSince: iso(c.phase_since),
    continuationFunding: c.continuation_funding,
    continuationStructure: c.continuation_structure,
    continuationOwner: c.continuation_owner,
    createdAt: iso(c.created_at),
    createdBy: c.created_by_email,
    phaseChanges: of(changes, c.id).map((p) => ({
      from: p.from_phase,
      to: p.to_phase,
      reason: p.reason,
      changedAt: iso(p.changed_at),
      changedBy: p.email,
    })),
    links: of(links, c.id).map((l) => {
      const kind = LINK_KINDS.find((k) => l[LINK_COLUMN[k]] !== null)!;
      return {
        kind,
        ref: l[LINK_COLUMN[kind]]!,
        title: l.title ?? "",
        phase: l.phase,
        createdAt: iso(l.created_at),
      };
    }),
    ratings: of(ratings, c.id).map((r) => ({
      organisationRef: r.organisation_id,
      personRef: r.person_id,
      sector: r.sector,
      perspective: r.perspective,
      urgency: r.urgency,
      importance: r.importance,
      why: r.why,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
    })),
    roles: of(roles, c.id).map((r) => ({
      role: r.role,
      organisationRef: r.organisation_id,
      personRef: r.person_id,
      note: r.note,
      createdAt: iso(r.created_at),
    })),
    ambitions: of(ambitions, c.id).map((a) => ({
      now: a.now_level,
      desired: a.desired_level,
      note: a.note,
      recordedAt: iso(a.recorded_at),
      setBy: a.email,
    })),
  }));
}

/**
 * The whole region as one document, for moving a region between installations or keeping a copy.
 * It holds no password hashes, sessions or invitation tokens: nothing that lets anyone sign in.
 */
export async function exportRegion(db: Db, slug: string): Promise<RegionExport | null> {
  // One snapshot: an organisation deleted between two reads would otherwise leave a person
  // pointing at a ref the document lacks, and the file could not be imported.
  const read = await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      const region = await trx
        .selectFrom("regions")
        .selectAll()
        .where("slug", "=", slug)
        .executeTakeFirst();
      if (!region) return null;
      const organisations = await trx
        .selectFrom("organisations")
        .select(["id", "name", "sector", "website"])
        .where("region_id", "=", region.id)
        .orderBy("name")
        .execute();
      const people = await trx
        .selectFrom("people")
        .select([
          "id",
          "name",
          "email",
          "organisation_id",
          "perspectives",
          "expertise",
          "erased_at",
        ])
        .where("region_id", "=", region.id)
        .orderBy("name")
        .orderBy("email")
        .execute();
      const memberships = await trx
        .selectFrom("memberships as m")
        .innerJoin("users as u", "u.id", "m.user_id")
        .select(["u.email", "u.name", "m.role"])
        .where("m.region_id", "=", region.id)
        .orderBy("u.email")
        .execute();
      const invitations = await trx
        .selectFrom("invitations")
        .select(["email", "role", "expires_at"])
        .where("region_id", "=", region.id)
        .where("accepted_at", "is", null)
        .where("expires_at", ">", new Date())
        .orderBy("email")
        .execute();
      const challenges = await readChallenges(trx, region.id);
      const declaredTies = await trx
        .selectFrom("network_ties")
        .selectAll()
        .where("region_id", "=", region.id)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      return { region, organisations, people, memberships, invitations, challenges, declaredTies };
    });
  if (!read) return null;
  const { region, organisations, people, memberships, invitations, challenges, declaredTies } =
    read;
  return {
    format: REGION_EXPORT_FORMAT,
    version: REGION_EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    region: {
      slug: region.slug,
      name: region.name,
      description: region.description,
      challenges: region.challenges,
      primaryColor: region.primary_color,
      logo: region.logo ? Buffer.from(region.logo).toString("base64") : null,
      logoMime: region.logo_mime,
      retentionMonths: region.retention_months,
      privacyStatement: region.privacy_statement,
      staleAfterWeeks: region.stale_after_weeks,
      phaseMaxMonths: region.phase_max_months,
      challengeRoles: region.challenge_roles,
    },
    organisations: organisations.map((o) => ({
      ref: o.id,
      name: o.name,
      sector: o.sector,
      website: o.website,
    })),
    people: people.map((p) => ({
      ref: p.id,
      name: p.name,
      email: p.email,
      organisationRef: p.organisation_id,
      perspectives: p.perspectives,
      expertise: p.expertise,
      erasedAt: p.erased_at ? new Date(p.erased_at).toISOString() : null,
    })),
    memberships: memberships.map((m) => ({ email: m.email, name: m.name, role: m.role })),
    invitations: invitations.map((i) => ({
      email: i.email,
      role: i.role,
      expiresAt: new Date(i.expires_at).toISOString(),
    })),
    challenges,
    // Who works with whom, as people and coordinators recorded it (the network's declared ties).
    declaredTies: declaredTies.map((t) => ({
      personRefs: t.person_a && t.person_b ? ([t.person_a, t.person_b] as [string, string]) : null,
      organisationRefs:
        t.organisation_a && t.organisation_b
          ? ([t.organisation_a, t.organisation_b] as [string, string])
          : null,
      kind: t.kind,
      note: t.note,
      createdAt: new Date(t.created_at).toISOString(),
    })),
  };
}
