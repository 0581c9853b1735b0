import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { hashToken, newToken } from "../core/accounts/tokens.ts";
import { controlSession } from "../core/dialogue/controlSession.ts";
import { createSession } from "../core/dialogue/createSession.ts";
import { findSessionById } from "../core/dialogue/liveQueries.ts";
import { stateOf } from "../core/dialogue/session.ts";
import type { Question } from "../core/dialogue/template.ts";
import { seedDemoIfEmpty } from "../demo/seedDemo.ts";
import { openDb, type DbHandle } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { databaseFromArgs, freePort, signInCookie, startServer } from "./lib.ts";
import { percentile, runLoad } from "./liveClient.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * bench:live — N participants answer one question within a 10-second window over the real
 * protocol while one facilitator watches the aggregate; then the database is counted. The floor
 * (bench/liveFloor.ts) runs with the same client and the same N in the same run.
 * Usage: npm run bench:live -- --participants N [--json] [--postgres [url]]
 */
const args = process.argv;
const n = Number(args[args.indexOf("--participants") + 1] ?? 2000) || 2000;
const json = args.includes("--json");
const windowMs = 10_000;

function valueFor(q: Question, i: number): unknown {
  switch (q.kind) {
    case "ladder":
      return { now: 1 + (i % 5), desired: 1 + ((i * 7) % 5) };
    case "phases":
      return { urgency: 4, network: 3, together: 2, consolidate: 1 };
    case "scale":
      return q.min + (i % (q.max - q.min + 1));
    case "single":
      return q.options[i % q.options.length]!.id;
    case "multiple":
      return [q.options[i % q.options.length]!.id];
    case "ranking":
      return q.options.map((o) => o.id);
    case "wordcloud":
      return ["samenwerken", "vertrouwen"].slice(0, 1 + (i % 2));
    case "open":
      return `Antwoord ${i}`;
  }
}

const database = await databaseFromArgs();
const dataDir = mkdtempSync(join(tmpdir(), "lr-live-"));
const target = database.env.DATABASE_URL ? { url: database.env.DATABASE_URL } : { dataDir };

// Prepare: demo region, a session with answering open, and N participants with known devices.
let handle: DbHandle = await openDb(target);
await migrate(handle);
const demo = (await seedDemoIfEmpty(handle.db))!;
const admin = await handle.db
  .selectFrom("users")
  .select("id")
  .where("email", "=", demo.email)
  .executeTakeFirstOrThrow();
const region = await handle.db.selectFrom("regions").select("id").executeTakeFirstOrThrow();
const scope = { db: handle.db, regionId: region.id, userId: admin.id, role: "admin" as const };
const created = await createSession(scope, { title: "Benchmark", template: "learning-region" });
if (!created.ok) throw new Error("could not create a session");
await controlSession(scope, created.value.id, { cmd: "open" });
const question = stateOf((await findSessionById(handle.db, created.value.id))!).question;
const participants = Array.from({ length: n }, () => ({ token: newToken() }));
for (let i = 0; i < n; i += 1000) {
  await handle.db
    .insertInto("dialogue_participants")
    .values(
      participants.slice(i, i + 1000).map((p, j) => ({
        session_id: created.value.id,
        device_token_hash: hashToken(p.token),
        sector: ["hbo", "mbo", "government", "company"][(i + j) % 4]!,
      })),
    )
    .execute();
}
await handle.close();

// Every simulated phone comes from 127.0.0.1: lift the per-address WebSocket cap for the run.
const server = await startServer({
  ...database.env,
  DATA_DIR: dataDir,
  SEED_DEMO: "false",
  LIVE_CONNECTIONS_PER_CLIENT: "1000000",
});
const cookie = await signInCookie(server.url, demo.email, demo.password);
const wsUrl = server.url.replace("http", "ws") + "/live/ws";
const real = await runLoad({
  url: wsUrl,
  participants,
  joinMessage: (token) => ({ t: "join", code: created.value.joinCode, token }),
  watchMessage: { t: "watch", sessionId: created.value.id },
  watchHeaders: { Cookie: cookie },
  answer: (i) => ({ q: question.id, v: valueFor(question, i) }),
  windowMs,
});
const status = readFileSync(`/proc/${server.child.pid}/status`, "utf8");
const rssMb = Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
await server.stop({ keepData: true });

handle = await openDb(target);
const rows = await handle.db
  .selectFrom("dialogue_answers")
  .select("participant_id")
  .where("session_id", "=", created.value.id)
  .where("question_id", "=", question.id)
  .execute();
await handle.close();
const persistedIds = new Set(rows.map((r) => r.participant_id));
const duplicated = rows.length - persistedIds.size;
// Lost: acknowledged to the participant but not in the database.
const lost = [...real.ackedIds].filter((id) => !persistedIds.has(id)).length;

// The floor, same client, same N, same kind of database.
const floorPort = await freePort();
const floor = spawn(
  process.execPath,
  [
    "bench/liveFloor.ts",
    String(floorPort),
    ...(database.env.DATABASE_URL ? [database.env.DATABASE_URL] : []),
  ],
  { stdio: ["ignore", "pipe", "inherit"] },
);
await new Promise<void>((resolve) => floor.stdout!.once("data", () => resolve()));
const base = await runLoad({
  url: `ws://127.0.0.1:${floorPort}`,
  participants,
  joinMessage: (token) => ({ t: "join", token }),
  watchMessage: { t: "watch" },
  answer: (i) => ({ q: question.id, v: valueFor(question, i) }),
  windowMs,
});
floor.kill("SIGTERM");
await new Promise((r) => floor.once("exit", r));
rmSync(dataDir, { recursive: true, force: true });
await database.drop();

const result = {
  database: database.label,
  participants: n,
  connected: real.connected,
  acknowledged: real.acknowledged,
  refused: real.refused,
  persisted: persistedIds.size,
  lost,
  duplicated,
  ack_p50_ms: percentile(real.ackMs, 50),
  ack_p95_ms: percentile(real.ackMs, 95),
  ack_p99_ms: percentile(real.ackMs, 99),
  update_p50_ms: percentile(real.updateMs, 50),
  update_p95_ms: percentile(real.updateMs, 95),
  update_p99_ms: percentile(real.updateMs, 99),
  rss_mb: rssMb,
  baseline_ack_p50_ms: percentile(base.ackMs, 50),
  baseline_p99_ms: percentile(base.ackMs, 99),
  baseline_update_p99_ms: percentile(base.updateMs, 99),
};
const ratio = result.baseline_p99_ms
  ? +((result.update_p99_ms ?? 0) / result.baseline_p99_ms).toFixed(2)
  : null;
if (!json) console.table([result]);
console.log(JSON.stringify({ ...result, update_p99_to_floor_p99: ratio }));
