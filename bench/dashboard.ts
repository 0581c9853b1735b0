import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openDb } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { databaseFromArgs, seedRegionWithOrganiser, signInCookie, startServer } from "./lib.ts";

/**
 * bench:dashboard — the region dashboard ("waar staan we?", GET /manage/:slug) of a region with
 * 200 challenges and 50,000 linked objects: per challenge 25 events, 10 dialogue sessions (5
 * participants each, who answered the ladder and the phases questions) and 15 actions, every one
 * linked to it, plus ratings and the coordinator's ambition. Seeded with bulk SQL, not through
 * the intents: the bench measures reading. The server runs as `npm start` runs it, in its own
 * process; the baseline is a trivial route of the same server in the same run (GET /healthz).
 * Requests are sequential, so the figures are one request's latency, not a load test.
 *
 *   challenges, linked_objects   what the region holds (events, sessions, participants, answers,
 *                                actions and the links, counted in the database)
 *   dashboard_p50_ms / _p99_ms   the dashboard page, signed in as organiser
 *   baseline_p99_ms              GET /healthz
 *
 * Usage: npm run bench:dashboard -- [--json] [--postgres [url] | --database-url url]
 *        [--requests N]; DATABASE_URL in the environment works as --database-url. PostgreSQL
 * runs on a fresh database of that server, dropped afterwards; otherwise on a fresh PGlite folder.
 * Target (issue 11): dashboard p99 ≤ 5 × baseline p99 and ≤ 150 ms.
 */
const args = process.argv;
const json = args.includes("--json");
const at = args.indexOf("--requests");
const requests = (at > 0 ? Number(args[at + 1]) : 0) || 200;
const urlAt = args.indexOf("--database-url");
const serverUrl = urlAt > 0 ? args[urlAt + 1] : process.env.DATABASE_URL;
// A given server gets a fresh database of its own, as --postgres does: the bench never seeds into
// a database someone uses.
if (serverUrl && !args.includes("--postgres")) args.push("--postgres", serverUrl);
delete process.env.DATABASE_URL;

const CHALLENGES = 200;
const PER_CHALLENGE = { events: 25, sessions: 10, actions: 15, participants: 5 };
const WARM_UP = 20;
const SLUG = "bench-dashboard";
const EMAIL = "organiser@bench.example";
const PASSWORD = "bench dashboard organiser";

const log = (...parts: unknown[]) => {
  if (!json) console.error(...parts);
};
const ms = (from: number) => Math.round(performance.now() - from);

const database = await databaseFromArgs();
const dataDir = mkdtempSync(join(tmpdir(), "lr-dashboard-"));
const handle = await openDb(
  database.env.DATABASE_URL ? { url: database.env.DATABASE_URL } : { dataDir },
);
const started = performance.now();
await migrate(handle);
const db = handle.db;

const { regionId: r } = await seedRegionWithOrganiser(
  db,
  { slug: SLUG, name: "Regio Dashboard" },
  { email: EMAIL, password: PASSWORD },
);

const { events, sessions, actions, participants } = PER_CHALLENGE;
// Which challenge the n-th object of a kind belongs to: objects are numbered 1.. in blocks.
const owner = (n: string, per: number) => sql.raw(`((${n} - 1) / ${per} + 1)`);
const statements = [
  // Challenges spread over the four phases and statuses, created over the past two years.
  sql`INSERT INTO challenges (region_id, slug, title, status, phase, phase_since, created_at,
      why_urgent)
    SELECT ${r}, 'opgave-' || g, 'Opgave ' || g,
      (ARRAY['active','active','active','candidate','paused'])[1 + g % 5], 1 + g % 4,
      now() - (g || ' days')::interval, now() - ((g * 3) || ' days')::interval,
      'Waarom deze opgave urgent is, in een paar zinnen.'
    FROM generate_series(1, ${CHALLENGES}) g`,
  sql`INSERT INTO challenge_phase_changes (challenge_id, from_phase, to_phase, changed_at)
    SELECT id, NULL, 1, created_at FROM challenges WHERE region_id = ${r}`,
  sql`INSERT INTO challenge_phase_changes (challenge_id, from_phase, to_phase, reason, changed_at)
    SELECT id, 1, phase, 'Verder in de cyclus', phase_since FROM challenges
    WHERE region_id = ${r} AND phase > 1`,
  sql`INSERT INTO events (region_id, slug, kind, title, mode, starts_at, ends_at, status)
    SELECT ${r}, 'bijeenkomst-' || g, 'workshop', 'Bijeenkomst ' || g, 'online',
      now() + ((g % 400 - 300) || ' days')::interval,
      now() + ((g % 400 - 300) || ' days')::interval + interval '2 hours',
      CASE WHEN g % 50 = 0 THEN 'cancelled' ELSE 'published' END
    FROM generate_series(1, ${CHALLENGES * events}) g`,
  sql`INSERT INTO dialogue_sessions (region_id, title, content, join_code, current_question_id,
      status, created_at, closed_at)
    SELECT ${r}, 'Sessie ' || g, '{}'::jsonb, 'BENCH' || g, 'ladder', 'closed',
      now() - ((g % 700) || ' days')::interval, now() - ((g % 700) || ' days')::interval
        + interval '2 hours'
    FROM generate_series(1, ${CHALLENGES * sessions}) g`,
  sql`INSERT INTO dialogue_participants (session_id, device_token_hash, sector)
    SELECT s.id, 'device-' || p, (ARRAY['government','mbo','hbo','company','residents'])[p]
    FROM dialogue_sessions s, generate_series(1, ${participants}) p WHERE s.region_id = ${r}`,
  sql`INSERT INTO dialogue_answers (session_id, question_id, participant_id, value, idempotency_key)
    SELECT p.session_id, 'ladder', p.id,
      jsonb_build_object('now', 1 + abs(hashtext(p.id::text)) % 3,
        'desired', 3 + abs(hashtext(p.id::text)) % 3), 'ladder-' || p.id
    FROM dialogue_participants p JOIN dialogue_sessions s ON s.id = p.session_id
    WHERE s.region_id = ${r}`,
  sql`INSERT INTO dialogue_answers (session_id, question_id, participant_id, value, idempotency_key)
    SELECT p.session_id, 'phases', p.id,
      '{"urgency": 4, "network": 2, "together": 3, "consolidate": 1}'::jsonb, 'phases-' || p.id
    FROM dialogue_participants p JOIN dialogue_sessions s ON s.id = p.session_id
    WHERE s.region_id = ${r}`,
  sql`INSERT INTO actions (region_id, title, status, position, updated_at)
    SELECT ${r}, 'Actie ' || g, (ARRAY['idea','planned','running','done','stopped'])[1 + g % 5], g,
      now() - ((g % 500) || ' days')::interval
    FROM generate_series(1, ${CHALLENGES * actions}) g`,
  sql`INSERT INTO challenge_links (challenge_id, event_id, phase, created_at)
    SELECT c.id, e.id, c.phase, c.created_at FROM events e
    JOIN challenges c ON c.region_id = ${r}
      AND c.slug = 'opgave-' || ${owner("substring(e.slug from 13)::int", events)}
    WHERE e.region_id = ${r}`,
  sql`INSERT INTO challenge_links (challenge_id, dialogue_session_id, phase, created_at)
    SELECT c.id, s.id, c.phase, c.created_at FROM dialogue_sessions s
    JOIN challenges c ON c.region_id = ${r}
      AND c.slug = 'opgave-' || ${owner("substring(s.title from 8)::int", sessions)}
    WHERE s.region_id = ${r}`,
  sql`INSERT INTO challenge_links (challenge_id, action_id, phase, created_at)
    SELECT c.id, a.id, c.phase, c.created_at FROM actions a
    JOIN challenges c ON c.region_id = ${r}
      AND c.slug = 'opgave-' || ${owner("substring(a.title from 7)::int", actions)}
    WHERE a.region_id = ${r}`,
  // Parties: ten organisations of every strand; three rate each challenge.
  sql`INSERT INTO organisations (region_id, name, sector)
    SELECT ${r}, 'Organisatie ' || g,
      (ARRAY['government','mbo','hbo','wo','social','company','residents'])[1 + g % 7]
    FROM generate_series(1, 10) g`,
  sql`INSERT INTO challenge_ratings (challenge_id, organisation_id, sector, urgency, importance)
    SELECT c.id, o.id, o.sector, 1 + (abs(hashtext(c.id::text || o.id::text)) % 5), 3
    FROM challenges c JOIN organisations o ON o.region_id = ${r}
      AND o.name IN ('Organisatie 1', 'Organisatie 2', 'Organisatie 3')
    WHERE c.region_id = ${r}`,
  // The coordinator set an ambition on half of them, a year ago: the sessions are often newer.
  sql`INSERT INTO challenge_ambitions (challenge_id, now_level, desired_level, recorded_at)
    SELECT id, 2, 4, now() - interval '1 year' FROM challenges
    WHERE region_id = ${r} AND slug ~ '[02468]$'`,
  sql`ANALYZE`,
];
for (const statement of statements) await statement.execute(db);
const counted = await sql<{ n: string }>`
  SELECT (SELECT count(*) FROM events WHERE region_id = ${r})
    + (SELECT count(*) FROM dialogue_sessions WHERE region_id = ${r})
    + (SELECT count(*) FROM dialogue_participants p JOIN dialogue_sessions s
        ON s.id = p.session_id WHERE s.region_id = ${r})
    + (SELECT count(*) FROM dialogue_answers a JOIN dialogue_sessions s
        ON s.id = a.session_id WHERE s.region_id = ${r})
    + (SELECT count(*) FROM actions WHERE region_id = ${r})
    + (SELECT count(*) FROM challenge_links l JOIN challenges c ON c.id = l.challenge_id
        WHERE c.region_id = ${r}) AS n`.execute(db);
const linkedObjects = Number(counted.rows[0]!.n);
const challenges = Number(
  (
    await db
      .selectFrom("challenges")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("region_id", "=", r)
      .executeTakeFirstOrThrow()
  ).n,
);
await handle.close();
log(
  `${database.label}: ${challenges} challenges, ${linkedObjects} linked objects (${ms(started)} ms to seed)`,
);

const server = await startServer({
  ...database.env,
  DATA_DIR: dataDir,
  SEED_DEMO: "false",
});
try {
  const cookie = await signInCookie(server.url, EMAIL, PASSWORD);
  const dashboardPath = `/manage/${SLUG}`;
  const time = async (path: string, headers: Record<string, string> = {}) => {
    const from = performance.now();
    const res = await fetch(server.url + path, { headers });
    const body = await res.text();
    const elapsed = performance.now() - from;
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    return { elapsed, body };
  };
  const first = await time(dashboardPath, { Cookie: cookie });
  if (!first.body.includes("Opgave 200")) throw new Error("the dashboard does not list the seed");
  const measure = async (path: string, headers: Record<string, string> = {}) => {
    for (let i = 0; i < WARM_UP; i++) await time(path, headers);
    const times: number[] = [];
    for (let i = 0; i < requests; i++) times.push((await time(path, headers)).elapsed);
    return times.sort((a, b) => a - b);
  };
  const pct = (sorted: number[], p: number) =>
    +sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1);
  const baseline = await measure("/healthz");
  const dashboard = await measure(dashboardPath, { Cookie: cookie });
  const result = {
    database: database.label,
    challenges,
    linked_objects: linkedObjects,
    requests,
    dashboard_p50_ms: pct(dashboard, 50),
    dashboard_p99_ms: pct(dashboard, 99),
    baseline_p50_ms: pct(baseline, 50),
    baseline_p99_ms: pct(baseline, 99),
  };
  const target = Math.min(150, 5 * result.baseline_p99_ms);
  log(
    `dashboard p99 ${result.dashboard_p99_ms} ms; target ≤ ${target.toFixed(1)} ms ` +
      `(5 × baseline p99 ${result.baseline_p99_ms} ms, at most 150 ms): ` +
      (result.dashboard_p99_ms <= target ? "met" : "NOT met"),
  );
  console.log(json ? JSON.stringify(result) : result);
} finally {
  await server.stop();
  await database.drop();
}
