import { sql, type RawBuilder } from "kysely";
import type { ChallengeStatus, CyclePhase } from "../../db/schema.ts";
import type { RegionScope } from "../kernel/scope.ts";
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

/**
 * When something last happened for each challenge of a set: its creation, phase changes,
 * ratings, roles and ambition settings, the links made, and the linked activities' own moments
 * (an event that took place, a session run, an action, coalition or harvest worked on). Editing
 * the description is not activity: the guard asks whether the work goes on, not whether the
 * text was touched. Each table is read in one pass over the set's rows and grouped per
 * challenge, instead of a subquery per challenge.
 * Used as `WITH ch AS (…challenges with id and created_at…), ${activityPerChallenge} SELECT …
 * ${lastActivityOf} … FROM ch ${activityJoins}`; `lk.n` is the number of links.
 */
const activityPerChallenge: RawBuilder<unknown> = sql`
  pc AS (SELECT pc.challenge_id, max(pc.changed_at) AS at
    FROM challenge_phase_changes pc JOIN ch ON ch.id = pc.challenge_id GROUP BY pc.challenge_id),
  ra AS (SELECT r.challenge_id, max(r.updated_at) AS at
    FROM challenge_ratings r JOIN ch ON ch.id = r.challenge_id GROUP BY r.challenge_id),
  rl AS (SELECT ro.challenge_id, max(ro.created_at) AS at
    FROM challenge_roles ro JOIN ch ON ch.id = ro.challenge_id GROUP BY ro.challenge_id),
  am AS (SELECT am.challenge_id, max(am.recorded_at) AS at
    FROM challenge_ambitions am JOIN ch ON ch.id = am.challenge_id GROUP BY am.challenge_id),
  lk AS (SELECT l.challenge_id, count(*) AS n, max(GREATEST(
      l.created_at,
      CASE WHEN e.status <> 'cancelled' AND e.starts_at <= now() THEN e.starts_at END,
      s.created_at, s.closed_at, h.updated_at, a.updated_at, co.updated_at)) AS at
    FROM challenge_links l JOIN ch ON ch.id = l.challenge_id
    LEFT JOIN events e ON e.id = l.event_id
    LEFT JOIN dialogue_sessions s ON s.id = l.dialogue_session_id
    LEFT JOIN harvests h ON h.id = l.harvest_id
    LEFT JOIN actions a ON a.id = l.action_id
    LEFT JOIN coalitions co ON co.id = l.coalition_id
    GROUP BY l.challenge_id)`;

const activityJoins: RawBuilder<unknown> = sql`
  LEFT JOIN pc ON pc.challenge_id = ch.id LEFT JOIN ra ON ra.challenge_id = ch.id
  LEFT JOIN rl ON rl.challenge_id = ch.id LEFT JOIN am ON am.challenge_id = ch.id
  LEFT JOIN lk ON lk.challenge_id = ch.id`;

const lastActivityOf: RawBuilder<Date> = sql<Date>`GREATEST(
  ch.created_at, pc.at, ra.at, rl.at, am.at, lk.at)`;

/** When something last happened for one challenge of the scope's region (as above). */
export async function lastActivityOfChallenge(scope: RegionScope, challengeId: string) {
  const r = await sql<{ at: Date }>`
    WITH ch AS (
      SELECT c.id, c.created_at FROM challenges c
      WHERE c.region_id = ${scope.regionId} AND c.id = ${challengeId}
    ),
    ${activityPerChallenge}
    SELECT ${lastActivityOf} AS at FROM ch ${activityJoins}`.execute(scope.db);
  return r.rows[0] ? new Date(r.rows[0].at) : undefined;
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
 * latest linked dialogue session with ladder answers, whichever is newer. One statement, set-based
 * (no work per challenge): the ladder answers of the region's linked sessions are averaged per
 * session once, then the newest such session and the newest setting are picked per challenge.
 */
export async function latestAmbitions(
  scope: RegionScope,
  challengeIds?: string[],
): Promise<Map<string, Ambition>> {
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
    WITH ch AS (
      SELECT c.id FROM challenges c WHERE c.region_id = ${scope.regionId} ${onlyChallenges(challengeIds)}
    ),
    -- Only the newest linked session with ladder answers is averaged, per challenge: sessions
    -- are taken newest first and the first whose average has answers ends the search (LIMIT 1),
    -- so the cost follows the number of challenges, not the number of answers in the region.
    dialogue AS (
      SELECT ch.id AS challenge_id, ls.now, ls.desired, ls.answers, ls.at
      FROM ch
      CROSS JOIN LATERAL (
        SELECT g.now, g.desired, g.answers, s.at FROM (
          SELECT l.dialogue_session_id AS id,
            (SELECT COALESCE(s.closed_at, s.created_at) FROM dialogue_sessions s
              WHERE s.id = l.dialogue_session_id) AS at
          FROM challenge_links l
          WHERE l.challenge_id = ch.id AND l.dialogue_session_id IS NOT NULL
          ORDER BY at DESC
        ) s
        CROSS JOIN LATERAL (
          SELECT avg((a.value->>'now')::numeric) AS now,
            avg((a.value->>'desired')::numeric) AS desired, count(*) AS answers
          FROM dialogue_answers a
          WHERE a.session_id = s.id AND NOT a.hidden AND a.value ? 'desired' AND a.value ? 'now'
        ) g
        WHERE g.answers > 0
        LIMIT 1
      ) ls
    ),
    coordinator AS (
      SELECT DISTINCT ON (am.challenge_id) am.challenge_id, am.now_level, am.desired_level,
        am.recorded_at
      FROM challenge_ambitions am JOIN ch ON ch.id = am.challenge_id
      ORDER BY am.challenge_id, am.recorded_at DESC
    )
    SELECT ch.id AS challenge_id,
      co.now_level AS coordinator_now, co.desired_level AS coordinator_desired,
      co.recorded_at AS coordinator_at,
      d.now AS dialogue_now, d.desired AS dialogue_desired, d.at AS dialogue_at,
      d.answers AS dialogue_answers
    FROM ch LEFT JOIN coordinator co ON co.challenge_id = ch.id
    LEFT JOIN dialogue d ON d.challenge_id = ch.id
    WHERE co.challenge_id IS NOT NULL OR d.challenge_id IS NOT NULL`.execute(scope.db);
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

/** Limits a statement over `c` (challenges) to some challenges; none given means all. */
const onlyChallenges = (challengeIds?: string[]) =>
  challengeIds
    ? challengeIds.length === 0
      ? sql`AND false`
      : sql`AND c.id IN (${sql.join(challengeIds)})`
    : sql``;

/**
 * The sectors and perspectives of the parties around each challenge: those who rated it and
 * those who play a role in it (an organisation's sector, a person's organisation's sector and
 * the person's perspectives). One statement.
 */
export async function coverage(
  scope: RegionScope,
  challengeIds?: string[],
): Promise<Map<string, { sectors: string[]; perspectives: string[] }>> {
  const rows = await sql<{ challenge_id: string; kind: "sector" | "perspective"; value: string }>`
    WITH ch AS (
      SELECT c.id FROM challenges c WHERE c.region_id = ${scope.regionId} ${onlyChallenges(challengeIds)}
    )
    SELECT DISTINCT x.challenge_id, x.kind, x.value FROM (
      SELECT r.challenge_id, 'sector' AS kind, r.sector AS value
        FROM challenge_ratings r JOIN ch ON ch.id = r.challenge_id
      UNION ALL SELECT r.challenge_id, 'perspective', r.perspective
        FROM challenge_ratings r JOIN ch ON ch.id = r.challenge_id
      UNION ALL SELECT ro.challenge_id, 'sector', COALESCE(o.sector, po.sector)
        FROM challenge_roles ro JOIN ch ON ch.id = ro.challenge_id
        LEFT JOIN organisations o ON o.id = ro.organisation_id
        LEFT JOIN people p ON p.id = ro.person_id
        LEFT JOIN organisations po ON po.id = p.organisation_id
      UNION ALL SELECT ro.challenge_id, 'perspective', unnest(p.perspectives)
        FROM challenge_roles ro JOIN ch ON ch.id = ro.challenge_id
        JOIN people p ON p.id = ro.person_id
    ) x
    WHERE x.value IS NOT NULL`.execute(scope.db);
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
  // Independent statements, sent together: on PostgreSQL they run side by side on the pool.
  const [settings, { rows }, ambitions, covered, upcomingEvents, actions] = await Promise.all([
    guardSettings(scope),
    sql<{
      id: string;
      slug: string;
      title: string;
      status: ChallengeStatus;
      published: boolean;
      phase: CyclePhase;
      phase_since: Date;
      continuation_funding: string;
      continuation_structure: string;
      continuation_owner: string;
      last_activity: Date;
      link_count: string;
    }>`
    WITH ch AS (
      SELECT c.id, c.slug, c.title, c.status, c.published, c.phase, c.phase_since, c.created_at,
        c.continuation_funding, c.continuation_structure, c.continuation_owner
      FROM challenges c WHERE c.region_id = ${scope.regionId}
    ),
    ${activityPerChallenge}
    SELECT ch.*, ${lastActivityOf} AS last_activity, COALESCE(lk.n, 0) AS link_count
    FROM ch ${activityJoins}
    ORDER BY CASE ch.status WHEN 'active' THEN 0 WHEN 'candidate' THEN 1 WHEN 'paused' THEN 2
      ELSE 3 END, ch.title`.execute(scope.db),
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
