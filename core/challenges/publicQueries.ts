import { sql } from "kysely";
import type { Db } from "../../db/client.ts";
import type { ChallengeStatus, CyclePhase } from "../../db/schema.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { latestAmbitions, type Ambition } from "./dashboard.ts";
import { LINK_KINDS, type LinkKind } from "./schema.ts";

/**
 * The shared readers (latestAmbitions) take a scope for its region and database only; a visitor
 * has no account, so the scope carries the least role and no user, and nothing here writes.
 */
const visitorScope = (db: Db, regionId: string): RegionScope => ({
  db,
  regionId,
  userId: "",
  role: "member",
});

export interface PublicChallengeSummary {
  slug: string;
  title: string;
  phase: CyclePhase;
  status: ChallengeStatus;
  guidingQuestion: string;
}

/** A region's published challenges, for its public list and its home page. */
export async function publishedChallenges(
  db: Db,
  regionId: string,
): Promise<PublicChallengeSummary[]> {
  const rows = await db
    .selectFrom("challenges")
    .select(["slug", "title", "phase", "status", "guiding_question"])
    .where("region_id", "=", regionId)
    .where("published", "=", true)
    .orderBy("title")
    .execute();
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    phase: r.phase,
    status: r.status,
    guidingQuestion: r.guiding_question,
  }));
}

export interface PublicChallenge {
  slug: string;
  title: string;
  status: ChallengeStatus;
  whyUrgent: string;
  forWhom: string;
  guidingQuestion: string;
  geography: string;
  owners: string;
  phase: CyclePhase;
  phaseSince: Date;
  phaseChanges: { from: CyclePhase | null; to: CyclePhase; reason: string; at: Date }[];
  /** Published events, with their public address. */
  events: { slug: string; title: string; startsAt: Date }[];
  /** Harvests whose publication the region made public. */
  publications: { slug: string; title: string }[];
  /** Everything else linked (and unpublished events and publications), as numbers only. */
  otherCounts: Record<LinkKind, number>;
  /** Urgency and importance per sector: means and how many parties, never who said what. */
  urgencyBySector: {
    sector: string | null;
    ratings: number;
    urgency: number;
    importance: number;
  }[];
  ambition: Ambition | null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A published challenge of the region for anyone: the description, the phase history without
 * who moved it, the public activities by name and the rest as counts, and urgency per sector.
 * Undefined when there is none by that address or it is not published (the page is a 404 alike).
 */
export async function publicChallenge(
  db: Db,
  regionId: string,
  slug: string,
): Promise<PublicChallenge | undefined> {
  const c = await db
    .selectFrom("challenges")
    .selectAll()
    .where("region_id", "=", regionId)
    .where("slug", "=", slug)
    .where("published", "=", true)
    .executeTakeFirst();
  if (!c) return undefined;
  const [phaseChanges, events, publications, counts, ratings, ambitions] = await Promise.all([
    db
      .selectFrom("challenge_phase_changes")
      .select(["from_phase", "to_phase", "reason", "changed_at"])
      .where("challenge_id", "=", c.id)
      .orderBy("changed_at")
      .execute(),
    db
      .selectFrom("challenge_links as l")
      .innerJoin("events as e", "e.id", "l.event_id")
      .select(["e.slug", "e.title", "e.starts_at"])
      .where("l.challenge_id", "=", c.id)
      .where("e.region_id", "=", regionId)
      .where("e.status", "=", "published")
      .orderBy("e.starts_at", "desc")
      .execute(),
    db
      .selectFrom("challenge_links as l")
      .innerJoin("harvests as h", "h.id", "l.harvest_id")
      .select(["h.slug", "h.title", "h.publication_title"])
      .where("l.challenge_id", "=", c.id)
      .where("h.region_id", "=", regionId)
      .where("h.publication_public", "=", true)
      .orderBy("h.created_at", "desc")
      .execute(),
    sql<{ kind: LinkKind; n: string }>`
      SELECT CASE
          WHEN l.event_id IS NOT NULL THEN 'event'
          WHEN l.dialogue_session_id IS NOT NULL THEN 'session'
          WHEN l.harvest_id IS NOT NULL THEN 'harvest'
          WHEN l.action_id IS NOT NULL THEN 'action'
          ELSE 'coalition' END AS kind,
        count(*) AS n
      FROM challenge_links l
      LEFT JOIN events e ON e.id = l.event_id
      LEFT JOIN harvests h ON h.id = l.harvest_id
      WHERE l.challenge_id = ${c.id}
        AND (e.id IS NULL OR e.status <> 'published')
        AND (h.id IS NULL OR NOT h.publication_public)
      GROUP BY 1`.execute(db),
    db
      .selectFrom("challenge_ratings")
      .select([
        "sector",
        sql<string>`count(*)`.as("n"),
        sql<string>`avg(urgency)`.as("urgency"),
        sql<string>`avg(importance)`.as("importance"),
      ])
      .where("challenge_id", "=", c.id)
      .groupBy("sector")
      .orderBy("sector")
      .execute(),
    latestAmbitions(visitorScope(db, regionId), [c.id]),
  ]);
  const otherCounts = Object.fromEntries(LINK_KINDS.map((k) => [k, 0])) as Record<LinkKind, number>;
  for (const r of counts.rows) otherCounts[r.kind] = Number(r.n);
  return {
    slug: c.slug,
    title: c.title,
    status: c.status,
    whyUrgent: c.why_urgent,
    forWhom: c.for_whom,
    guidingQuestion: c.guiding_question,
    geography: c.geography,
    owners: c.owners,
    phase: c.phase,
    phaseSince: new Date(c.phase_since),
    phaseChanges: phaseChanges.map((p) => ({
      from: p.from_phase,
      to: p.to_phase,
      reason: p.reason,
      at: new Date(p.changed_at),
    })),
    events: events.map((e) => ({ slug: e.slug, title: e.title, startsAt: new Date(e.starts_at) })),
    publications: publications.map((h) => ({
      slug: h.slug,
      title: h.publication_title || h.title,
    })),
    otherCounts,
    urgencyBySector: ratings.map((r) => ({
      sector: r.sector,
      ratings: Number(r.n),
      urgency: round1(Number(r.urgency)),
      importance: round1(Number(r.importance)),
    })),
    ambition: ambitions.get(c.id) ?? null,
  };
}
