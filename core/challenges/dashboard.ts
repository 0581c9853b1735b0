import { sql } from "kysely";
import type { ChallengeStatus, CyclePhase } from "../../db/schema.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { lastActivitySql } from "./activity.ts";
import { warningsFor, type GuardSettings, type Warning } from "./warnings.ts";

export interface Ambition {
  now: number;
  desired: number;
  at: Date;
  /** Set by the coordinator, or the mean of a linked session's ladder answers. */
  source: "coordinator" | "dialogue";
  /** For "dialogue": how many answers the mean is of. */
  answers?: number;
}

export interface DashboardChallenge {
  id: string;
  slug: string;
  title: string;
  status: ChallengeStatus;
  published: boolean;
  phase: CyclePhase;
  phaseSince: Date;
  lastActivity: Date;
  linkCount: number;
  ambition: Ambition | null;
  warnings: Warning[];
}

export interface Dashboard {
  settings: GuardSettings;
  challenges: DashboardChallenge[];
  upcomingEvents: { id: string; title: string; startsAt: Date; status: string }[];
  openActions: { id: string; title: string; status: string }[];
  openActionCount: number;
}

/** The guard's settings of a region. */
export async function guardSettings(scope: RegionScope): Promise<GuardSettings> {
  const r = await scope.db
    .selectFrom("regions")
    .select(["stale_after_weeks", "phase_max_months"])
    .where("id", "=", scope.regionId)
    .executeTakeFirstOrThrow();
  return { staleAfterWeeks: r.stale_after_weeks, phaseMaxMonths: r.phase_max_months };
}

/**
 * The latest ambition per challenge of the region: the coordinator's latest setting or the
 * latest linked dialogue session with ladder answers, whichever is newer. One statement: the
 * latest session per challenge is found first, and only its answers are averaged.
 */
export async function latestAmbitions(
  scope: RegionScope,
  challengeIds?: string[],
): Promise<Map<string, Ambition>> {
  const only = challengeIds
    ? challengeIds.length === 0
      ? sql`AND false`
      : sql`AND c.id IN (${sql.join(challengeIds)})`
    : sql``;
  const rows = await sql<{
    challenge_id: string;
    coordinator_now: number | null;
    coordinator_desired: number | null;
    coordinator_at: Date | null;
    dialogue_now: string | null;
    dialogue_desired: string | null;
    dialogue_at: Date | null;
    dialogue_answers: string | null;
  }>`
    SELECT c.id AS challenge_id,
      am.now_level AS coordinator_now, am.desired_level AS coordinator_desired,
      am.recorded_at AS coordinator_at,
      ag.now AS dialogue_now, ag.desired AS dialogue_desired, ls.at AS dialogue_at,
      ag.answers AS dialogue_answers
    FROM challenges c
    LEFT JOIN LATERAL (
      SELECT now_level, desired_level, recorded_at FROM challenge_ambitions
      WHERE challenge_id = c.id ORDER BY recorded_at DESC LIMIT 1
    ) am ON true
    LEFT JOIN LATERAL (
      SELECT s.id, COALESCE(s.closed_at, s.created_at) AS at
      FROM challenge_links l JOIN dialogue_sessions s ON s.id = l.dialogue_session_id
      WHERE l.challenge_id = c.id AND EXISTS (
        SELECT 1 FROM dialogue_answers a
        WHERE a.session_id = s.id AND NOT a.hidden AND a.value ? 'desired' AND a.value ? 'now')
      ORDER BY at DESC LIMIT 1
    ) ls ON true
    LEFT JOIN LATERAL (
      SELECT avg((a.value->>'now')::numeric) AS now, avg((a.value->>'desired')::numeric) AS desired,
        count(*) AS answers
      FROM dialogue_answers a
      WHERE a.session_id = ls.id AND NOT a.hidden AND a.value ? 'desired' AND a.value ? 'now'
    ) ag ON ls.id IS NOT NULL
    WHERE c.region_id = ${scope.regionId} ${only}`.execute(scope.db);
  const out = new Map<string, Ambition>();
  for (const r of rows.rows) {
    const coordinator: Ambition | null =
      r.coordinator_at && r.coordinator_now !== null && r.coordinator_desired !== null
        ? {
            now: r.coordinator_now,
            desired: r.coordinator_desired,
            at: new Date(r.coordinator_at),
            source: "coordinator",
          }
        : null;
    const dialogue: Ambition | null =
      r.dialogue_at && r.dialogue_now !== null && r.dialogue_desired !== null
        ? {
            now: round1(Number(r.dialogue_now)),
            desired: round1(Number(r.dialogue_desired)),
            at: new Date(r.dialogue_at),
            source: "dialogue",
            answers: Number(r.dialogue_answers),
          }
        : null;
    const latest =
      coordinator && dialogue
        ? dialogue.at > coordinator.at
          ? dialogue
          : coordinator
        : (coordinator ?? dialogue);
    if (latest) out.set(r.challenge_id, latest);
  }
  return out;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The sectors and perspectives of the parties around each challenge: those who rated it and
 * those who play a role in it (an organisation's sector, a person's organisation's sector and
 * the person's perspectives). One statement.
 */
export async function coverage(
  scope: RegionScope,
  challengeIds?: string[],
): Promise<Map<string, { sectors: string[]; perspectives: string[] }>> {
  const only = challengeIds
    ? challengeIds.length === 0
      ? sql`AND false`
      : sql`AND c.id IN (${sql.join(challengeIds)})`
    : sql``;
  const rows = await sql<{ challenge_id: string; kind: "sector" | "perspective"; value: string }>`
    SELECT DISTINCT x.challenge_id, x.kind, x.value FROM (
      SELECT r.challenge_id, 'sector' AS kind, r.sector AS value FROM challenge_ratings r
      UNION ALL SELECT r.challenge_id, 'perspective', r.perspective FROM challenge_ratings r
      UNION ALL SELECT ro.challenge_id, 'sector', COALESCE(o.sector, po.sector)
        FROM challenge_roles ro
        LEFT JOIN organisations o ON o.id = ro.organisation_id
        LEFT JOIN people p ON p.id = ro.person_id
        LEFT JOIN organisations po ON po.id = p.organisation_id
      UNION ALL SELECT ro.challenge_id, 'perspective', unnest(p.perspectives)
        FROM challenge_roles ro JOIN people p ON p.id = ro.person_id
    ) x JOIN challenges c ON c.id = x.challenge_id
    WHERE c.region_id = ${scope.regionId} AND x.value IS NOT NULL ${only}`.execute(scope.db);
  const out = new Map<string, { sectors: string[]; perspectives: string[] }>();
  for (const r of rows.rows) {
    const entry = out.get(r.challenge_id) ?? { sectors: [], perspectives: [] };
    (r.kind === "sector" ? entry.sectors : entry.perspectives).push(r.value);
    out.set(r.challenge_id, entry);
  }
  return out;
}

/**
 * "Waar staan we?": every challenge of the region with its phase, ambition, last activity and
 * warnings, and what is coming up. A fixed number of statements whatever the number of
 * challenges (dashboard.test.ts counts them).
 */
export async function regionDashboard(scope: RegionScope, now = new Date()): Promise<Dashboard> {
  const settings = await guardSettings(scope);
  const rows = await scope.db
    .selectFrom("challenges as c")
    .select([
      "c.id",
      "c.slug",
      "c.title",
      "c.status",
      "c.published",
      "c.phase",
      "c.phase_since",
      "c.continuation_funding",
      "c.continuation_structure",
      "c.continuation_owner",
      lastActivitySql.as("last_activity"),
      sql<string>`(SELECT count(*) FROM challenge_links l WHERE l.challenge_id = c.id)`.as(
        "link_count",
      ),
    ])
    .where("c.region_id", "=", scope.regionId)
    .orderBy(
      sql`CASE c.status WHEN 'active' THEN 0 WHEN 'candidate' THEN 1 WHEN 'paused' THEN 2 ELSE 3 END`,
    )
    .orderBy("c.title")
    .execute();
  const [ambitions, covered, upcomingEvents, actions] = await Promise.all([
    latestAmbitions(scope),
    coverage(scope),
    scope.db
      .selectFrom("events")
      .select(["id", "title", "starts_at as startsAt", "status"])
      .where("region_id", "=", scope.regionId)
      .where("status", "<>", "cancelled")
      .where("ends_at", ">=", now)
      .orderBy("starts_at")
      .limit(5)
      .execute(),
    scope.db
      .selectFrom("actions")
      .select(["id", "title", "status", sql<string>`count(*) OVER ()`.as("total")])
      .where("region_id", "=", scope.regionId)
      .where("status", "in", ["idea", "planned", "running"])
      .orderBy("position")
      .orderBy("created_at")
      .limit(5)
      .execute(),
  ]);
  const challenges = rows.map((r): DashboardChallenge => {
    const cov = covered.get(r.id) ?? { sectors: [], perspectives: [] };
    const lastActivity = new Date(r.last_activity);
    const phaseSince = new Date(r.phase_since);
    return {
      id: r.id,
      slug: r.slug,
      title: r.title,
      status: r.status,
      published: r.published,
      phase: r.phase,
      phaseSince,
      lastActivity,
      linkCount: Number(r.link_count),
      ambition: ambitions.get(r.id) ?? null,
      warnings: warningsFor(
        {
          status: r.status,
          phase: r.phase,
          phaseSince,
          lastActivity,
          sectors: cov.sectors,
          perspectives: cov.perspectives,
          continuation: {
            funding: r.continuation_funding,
            structure: r.continuation_structure,
            owner: r.continuation_owner,
          },
        },
        settings,
        now,
      ),
    };
  });
  return {
    settings,
    challenges,
    upcomingEvents,
    openActions: actions.map(({ id, title, status }) => ({ id, title, status })),
    openActionCount: Number(actions[0]?.total ?? 0),
  };
}
