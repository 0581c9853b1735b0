import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, request as httpRequest } from "node:http";
import { seedDemoIfEmpty } from "../demo/seedDemo.ts";
import { createEvent } from "../core/events/createEvent.ts";
import { setEventStatus } from "../core/events/setEventStatus.ts";
import { toLocalInput } from "../core/kernel/time.ts";
import { openDb, type DbHandle } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { databaseFromArgs, startServer } from "./lib.ts";
import { percentile } from "./liveClient.ts";

/**
 * bench:registration — 2,000 visitors register at the same moment for one event with 150 places
 * and a waitlist, through the real public form over HTTP; then the database is counted. The same
 * number of concurrent requests to a trivial route of the same server is the baseline.
 * Usage: npm run bench:registration -- [--json] [--postgres [url]] [--registrations N]
 *
 * The server runs with REGISTRATIONS_PER_CLIENT_PER_MINUTE raised: all requests come from one
 * address here, which the per-client flood limit would (rightly) stop after 60.
 */
const args = process.argv;
const json = args.includes("--json");
const n = Number(args[args.indexOf("--registrations") + 1] ?? 2000) || 2000;
const CAPACITY = 150;

const database = await databaseFromArgs();
const dataDir = mkdtempSync(join(tmpdir(), "lr-reg-"));
const target = database.env.DATABASE_URL ? { url: database.env.DATABASE_URL } : { dataDir };

let handle: DbHandle = await openDb(target);
await migrate(handle);
await seedDemoIfEmpty(handle.db);
const region = await handle.db
  .selectFrom("regions")
  .select(["id", "slug"])
  .orderBy("created_at")
  .executeTakeFirstOrThrow();
const admin = await handle.db
  .selectFrom("memberships")
  .select("user_id")
  .where("region_id", "=", region.id)
  .where("role", "=", "admin")
  .executeTakeFirstOrThrow();
const scope = { db: handle.db, regionId: region.id, userId: admin.user_id, role: "admin" as const };
const start = new Date(Date.now() + 14 * 24 * 3600 * 1000);
const created = await createEvent(scope, {
  title: "Benchmark: drukbezochte kennissessie",
  kind: "knowledge_session",
  mode: "on_site",
  address: "Ruitenberglaan 26, Arnhem",
  startsAt: toLocalInput(start),
  endsAt: toLocalInput(new Date(start.getTime() + 2 * 3600 * 1000)),
  capacity: String(CAPACITY),
  waitlist: "on",
});
if (!created.ok) throw new Error(`could not create the event: ${JSON.stringify(created)}`);
await setEventStatus(scope, created.value.id, "published");
await handle.close();

const server = await startServer({
  ...database.env,
  DATA_DIR: dataDir,
  SEED_DEMO: "false",
  REGISTRATIONS_PER_CLIENT_PER_MINUTE: "1000000",
});
const pagePath = `/r/${region.slug}/events/${created.value.slug}`;
const page = await fetch(server.url + pagePath);
if (page.status !== 200) throw new Error(`event page answered ${page.status}`);
const cookie = page.headers
  .getSetCookie()
  .map((c) => c.split(";")[0]!)
  .join("; ");
const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
if (!csrf) throw new Error("no CSRF token on the event page");

// One connection per visitor, as 2,000 phones would open.
const agent = new Agent({ keepAlive: true, maxSockets: n + 10 });

function send(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      server.url + path,
      { method: opts.method ?? "GET", headers: opts.headers, agent },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(opts.body);
  });
}

async function burst(
  count: number,
  send: (i: number) => Promise<number>,
): Promise<{ ms: number[]; statuses: number[]; wallMs: number }> {
  const ms: number[] = [];
  const statuses: number[] = new Array<number>(count);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const s = performance.now();
      try {
        statuses[i] = await send(i);
      } catch {
        statuses[i] = 0;
      }
      ms.push(performance.now() - s);
    }),
  );
  return { ms, statuses, wallMs: performance.now() - t0 };
}

const emailOf = (i: number) => `bezoeker${i}@example.org`;
const real = await burst(n, (i) =>
  send(pagePath, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie,
      origin: server.url,
    },
    body: new URLSearchParams({
      _csrf: csrf,
      name: `Bezoeker ${i}`,
      email: emailOf(i),
      organisation: "Benchmark",
      sector: ["hbo", "mbo", "government", "company"][i % 4]!,
      consent: "on",
    }).toString(),
  }),
);
const baseline = await burst(n, () => send("/healthz"));
agent.destroy();
await server.stop({ keepData: true });

handle = await openDb(target);
const rows = await handle.db
  .selectFrom("registrations")
  .select(["email", "status"])
  .where("event_id", "=", created.value.id)
  .execute();
await handle.close();
rmSync(dataDir, { recursive: true, force: true });
await database.drop();

// A registration that succeeds answers with a redirect to the page saying so.
const accepted = new Set(
  real.statuses.flatMap((s, i) => (s === 302 || s === 303 ? [emailOf(i)] : [])),
);
const stored = new Set(rows.map((r) => r.email));
const result = {
  database: database.label,
  sent: n,
  confirmed: rows.filter((r) => r.status === "confirmed").length,
  waitlisted: rows.filter((r) => r.status === "waitlisted").length,
  errors: n - accepted.size,
  lost: [...accepted].filter((e) => !stored.has(e)).length,
  duplicated: rows.length - stored.size,
  rps: Math.round(n / (real.wallMs / 1000)),
  p50_ms: percentile(real.ms, 50),
  p99_ms: percentile(real.ms, 99),
  baseline_rps: Math.round(n / (baseline.wallMs / 1000)),
  baseline_p99_ms: percentile(baseline.ms, 99),
};
if (!json) console.table([result]);
console.log(JSON.stringify(result));
