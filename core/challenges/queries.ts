import { sql } from "kysely";
import type { CyclePhase } from "../../db/schema.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import {
  coverage,
  guardSettings,
  lastActivityOfChallenge,
  latestAmbitions,
  type Ambition,
} from "./dashboard.ts";
import { LINK_COLUMN, type LinkKind } from "./schema.ts";
import { warningsFor } from "./warnings.ts";

export interface LinkedActivity {
  linkId: string;
  kind: LinkKind;
  id: string;
  title: string;
  /** When it happened: an event's start, a session's start, otherwise when it was last worked on. */
  at: Date;
  /** The phase the challenge was in when it was linked. */
  phase: CyclePhase;
  linkedAt: Date;
  /** For a harvest: its publication's slug when the publication is public. */
  publicSlug: string | null;
}

/** The challenges of a region, for lists and choices. */
export async function listChallenges(scope: RegionScope) {
  return scope.db
    .selectFrom("challenges")
    .select(["id", "slug", "title", "status", "phase", "published"])
    .where("region_id", "=", scope.regionId)
    .orderBy("title")
    .execute();
}

/** A challenge's linked activities, newest first; one statement over the five kinds. */
export async function linkedActivities(
  scope: RegionScope,
  challengeId: string,
): Promise<LinkedActivity[]> {
  const rows = await sql<{
    link_id: string;
    event_id: string | null;
    dialogue_session_id: string | null;
    harvest_id: string | null;
    action_id: string | null;
    coalition_id: string | null;
    title: string;
    at: Date;
    phase: CyclePhase;
    linked_at: Date;
    public_slug: string | null;
  }>`
    SELECT l.id AS link_id, l.event_id, l.dialogue_session_id, l.harvest_id, l.action_id,
      l.coalition_id, l.phase, l.created_at AS linked_at,
      COALESCE(e.title, s.title, h.title, a.title, co.title) AS title,
      COALESCE(e.starts_at, s.created_at, h.updated_at, a.updated_at, co.updated_at) AS at,
      CASE WHEN h.publication_public THEN h.slug END AS public_slug
    FROM challenge_links l
    JOIN challenges c ON c.id = l.challenge_id
    LEFT JOIN events e ON e.id = l.event_id
    LEFT JOIN dialogue_sessions s ON s.id = l.dialogue_session_id
    LEFT JOIN harvests h ON h.id = l.harvest_id
    LEFT JOIN actions a ON a.id = l.action_id
    LEFT JOIN coalitions co ON co.id = l.coalition_id
    WHERE l.challenge_id = ${challengeId} AND c.region_id = ${scope.regionId}
    ORDER BY at DESC`.execute(scope.db);
  return rows.rows.map((r) => {
    const kind: LinkKind = r.event_id
      ? "event"
      : r.dialogue_session_id
        ? "session"
        : r.harvest_id
          ? "harvest"
          : r.action_id
            ? "action"
            : "coalition";
    return {
      linkId: r.link_id,
      kind,
      id: (r.event_id ?? r.dialogue_session_id ?? r.harvest_id ?? r.action_id ?? r.coalition_id)!,
      title: r.title,
      at: new Date(r.at),
      phase: r.phase,
      linkedAt: new Date(r.linked_at),
      publicSlug: r.public_slug,
    };
  });
}

/** The challenges an activity serves: the other way round, for the activity's own page. */
export async function challengesLinkedTo(scope: RegionScope, kind: LinkKind, id: string) {
  if (!isId(id)) return [];
  return scope.db
    .selectFrom("challenge_links as l")
    .innerJoin("challenges as c", "c.id", "l.challenge_id")
    .select(["c.id", "c.slug", "c.title", "c.phase", "l.id as linkId"])
    .where("c.region_id", "=", scope.regionId)
    .where(`l.${LINK_COLUMN[kind]}`, "=", id)
    .orderBy("c.title")
    .execute();
}

export interface AmbitionPoint extends Ambition {
  note: string;
  sessionTitle?: string;
}

/**
 * The ambition over time: every setting by the coordinator and, per linked dialogue session with
 * ladder answers, the mean of those answers, dated by the session. Oldest first, for the chart.
 */
export async function ambitionHistory(
  scope: RegionScope,
  challengeId: string,
): Promise<AmbitionPoint[]> {
  const [set, fromDialogue] = await Promise.all([
    scope.db
      .selectFrom("challenge_ambitions as am")
      .innerJoin("challenges as c", "c.id", "am.challenge_id")
      .select(["am.now_level", "am.desired_level", "am.recorded_at", "am.note"])
      .where("am.challenge_id", "=", challengeId)
      .where("c.region_id", "=", scope.regionId)
      .execute(),
    sql<{ title: string; at: Date; now: string; desired: string; answers: string }>`
      SELECT s.title, COALESCE(s.closed_at, s.created_at) AS at,
        avg((a.value->>'now')::numeric) AS now, avg((a.value->>'desired')::numeric) AS desired,
        count(*) AS answers
      FROM challenge_links l
      JOIN challenges c ON c.id = l.challenge_id
      JOIN dialogue_sessions s ON s.id = l.dialogue_session_id
      JOIN dialogue_answers a ON a.session_id = s.id
      WHERE l.challenge_id = ${challengeId} AND c.region_id = ${scope.regionId}
        AND NOT a.hidden AND a.value ? 'desired' AND a.value ? 'now'
      GROUP BY s.id, s.title, at`.execute(scope.db),
  ]);
  const points: AmbitionPoint[] = [
    ...set.map((r) => ({
      now: r.now_level,
      desired: r.desired_level,
      at: new Date(r.recorded_at),
      source: "coordinator" as const,
      note: r.note,
    })),
    ...fromDialogue.rows.map((r) => ({
      now: Math.round(Number(r.now) * 10) / 10,
      desired: Math.round(Number(r.desired) * 10) / 10,
      at: new Date(r.at),
      source: "dialogue" as const,
      answers: Number(r.answers),
      note: "",
      sessionTitle: r.title,
    })),
  ];
  return points.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * Phase attention from the dialogue: the mean of the "divide 10 points over the phases" answers
 * of the linked sessions, and the phase that got the least (the under-exposed one).
 */
export async function phaseAttention(scope: RegionScope, challengeId: string) {
  const r = await sql<{
    answers: string;
    urgency: string | null;
    network: string | null;
    together: string | null;
    consolidate: string | null;
  }>`
    SELECT count(*) AS answers,
      avg((a.value->>'urgency')::numeric) AS urgency, avg((a.value->>'network')::numeric) AS network,
      avg((a.value->>'together')::numeric) AS together,
      avg((a.value->>'consolidate')::numeric) AS consolidate
    FROM challenge_links l
    JOIN challenges c ON c.id = l.challenge_id
    JOIN dialogue_answers a ON a.session_id = l.dialogue_session_id
    WHERE l.challenge_id = ${challengeId} AND c.region_id = ${scope.regionId}
      AND NOT a.hidden AND a.value ? 'urgency' AND a.value ? 'consolidate'`.execute(scope.db);
  const row = r.rows[0];
  if (!row || Number(row.answers) === 0) return null;
  const mean = {
    1: Math.round(Number(row.urgency) * 10) / 10,
    2: Math.round(Number(row.network) * 10) / 10,
    3: Math.round(Number(row.together) * 10) / 10,
    4: Math.round(Number(row.consolidate) * 10) / 10,
  } as Record<CyclePhase, number>;
  const underexposed = ([1, 2, 3, 4] as CyclePhase[]).reduce((low, p) =>
    mean[p] < mean[low] ? p : low,
  );
  return { answers: Number(row.answers), mean, underexposed };
}

/** Everything a challenge's page shows, read within the scope's region; undefined if not there. */
export async function getChallenge(scope: RegionScope, challengeId: string, now = new Date()) {
  if (!isId(challengeId)) return undefined;
  const challenge = await scope.db
    .selectFrom("challenges as c")
    .selectAll("c")
    .where("c.id", "=", challengeId)
    .where("c.region_id", "=", scope.regionId)
    .executeTakeFirst();
  if (!challenge) return undefined;
  const [
    phaseChanges,
    links,
    ratings,
    roles,
    ambitions,
    attention,
    covered,
    settings,
    region,
    latest,
    lastActivity,
  ] = await Promise.all([
    scope.db
      .selectFrom("challenge_phase_changes as pc")
      .leftJoin("users as u", "u.id", "pc.changed_by")
      .select([
        "pc.id",
        "pc.from_phase",
        "pc.to_phase",
        "pc.reason",
        "pc.changed_at",
        "u.name as changedBy",
      ])
      .where("pc.challenge_id", "=", challenge.id)
      .orderBy("pc.changed_at")
      .execute(),
    linkedActivities(scope, challenge.id),
    scope.db
      .selectFrom("challenge_ratings as r")
      .leftJoin("organisations as o", "o.id", "r.organisation_id")
      .leftJoin("people as p", "p.id", "r.person_id")
      .select([
        "r.id",
        "r.urgency",
        "r.importance",
        "r.why",
        "r.sector",
        "r.perspective",
        "r.updated_at",
        "o.name as organisation",
        "p.name as person",
      ])
      .where("r.challenge_id", "=", challenge.id)
      .orderBy("r.sector")
      .orderBy("o.name")
      .execute(),
    scope.db
      .selectFrom("challenge_roles as ro")
      .leftJoin("organisations as o", "o.id", "ro.organisation_id")
      .leftJoin("people as p", "p.id", "ro.person_id")
      .leftJoin("organisations as po", "po.id", "p.organisation_id")
      .select([
        "ro.id",
        "ro.role",
        "ro.note",
        "o.name as organisation",
        "p.name as person",
        sql<string | null>`COALESCE(o.sector, po.sector)`.as("sector"),
      ])
      .where("ro.challenge_id", "=", challenge.id)
      .orderBy("ro.role")
      .execute(),
    ambitionHistory(scope, challenge.id),
    phaseAttention(scope, challenge.id),
    coverage(scope, [challenge.id]),
    guardSettings(scope),
    scope.db
      .selectFrom("regions")
      .select("challenge_roles")
      .where("id", "=", scope.regionId)
      .executeTakeFirstOrThrow(),
    latestAmbitions(scope, [challenge.id]),
    lastActivityOfChallenge(scope, challenge.id).then((at) => at ?? challenge.created_at),
  ]);
  const cov = covered.get(challenge.id) ?? { sectors: [], perspectives: [] };
  const filled = new Set(roles.map((r) => r.role));
  return {
    challenge,
    lastActivity,
    phaseChanges,
    links,
    ratings,
    roles,
    regionRoles: region.challenge_roles,
    missingRoles: region.challenge_roles.filter((r) => !filled.has(r)),
    ambitions,
    ambition: latest.get(challenge.id) ?? null,
    attention,
    coverage: cov,
    warnings: warningsFor(
      {
        status: challenge.status,
        phase: challenge.phase,
        phaseSince: new Date(challenge.phase_since),
        lastActivity,
        sectors: cov.sectors,
        perspectives: cov.perspectives,
        continuation: {
          funding: challenge.continuation_funding,
          structure: challenge.continuation_structure,
          owner: challenge.continuation_owner,
        },
      },
      settings,
      now,
    ),
  };
}
export type ChallengePage = NonNullable<Awaited<ReturnType<typeof getChallenge>>>;

/**
 * What can still be linked to a challenge: the region's activities of each kind that are not
 * linked yet, newest first, a bounded number per kind for the form's choices.
 */
export async function linkChoices(scope: RegionScope, challengeId: string, perKind = 200) {
  const notLinked = (column: string) =>
    sql<boolean>`NOT EXISTS (SELECT 1 FROM challenge_links l WHERE l.challenge_id = ${challengeId} AND l.${sql.ref(column)} = t.id)`;
  const pick = (
    table: "events" | "dialogue_sessions" | "harvests" | "actions" | "coalitions",
    column: string,
    order: "starts_at" | "created_at",
  ) =>
    scope.db
      .selectFrom(`${table} as t` as "events as t")
      .select(["t.id", "t.title"])
      .where("t.region_id", "=", scope.regionId)
      .where(notLinked(column))
      .orderBy(`t.${order}` as "t.created_at", "desc")
      .limit(perKind)
      .execute();
  const [event, session, harvest, action, coalition] = await Promise.all([
    pick("events", "event_id", "starts_at"),
    pick("dialogue_sessions", "dialogue_session_id", "created_at"),
    pick("harvests", "harvest_id", "created_at"),
    pick("actions", "action_id", "created_at"),
    pick("coalitions", "coalition_id", "created_at"),
  ]);
  return { event, session, harvest, action, coalition } satisfies Record<LinkKind, unknown>;
}

/** Organisations and people of the region, for the rating and role forms. */
export async function partyChoices(scope: RegionScope) {
  const [organisations, people] = await Promise.all([
    scope.db
      .selectFrom("organisations")
      .select(["id", "name", "sector"])
      .where("region_id", "=", scope.regionId)
      .orderBy("name")
      .execute(),
    scope.db
      .selectFrom("people")
      .select(["id", "name"])
      .where("region_id", "=", scope.regionId)
      .where("erased_at", "is", null)
      .orderBy("name")
      .execute(),
  ]);
  return { organisations, people };
}
