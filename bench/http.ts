import autocannon from "autocannon";
import { databaseFromArgs, signInCookie, startServer } from "./lib.ts";

/**
 * Throughput and tail latency of the signed-in region overview, against a trivial route of the
 * same server as the baseline (50 connections, 10 s each). Server and load generator run in
 * separate processes on the same two cores, so absolute figures are conservative.
 */
const json = process.argv.includes("--json");
const duration = Number(process.env.BENCH_SECONDS ?? 10);
const database = await databaseFromArgs();
const server = await startServer(database.env);
try {
  const cookie = await signInCookie(server.url, server.demo.email, server.demo.password);
  const run = (path: string, headers: Record<string, string> = {}) =>
    autocannon({ url: server.url + path, connections: 50, duration, headers });
  // Warm up both paths so that neither pays for lazy initialisation.
  await autocannon({ url: server.url + "/healthz", connections: 10, duration: 1 });
  const overviewPath = "/manage/arnhem-nijmegen";
  const check = await fetch(server.url + overviewPath, { headers: { Cookie: cookie } });
  if (check.status !== 200) throw new Error(`overview answered ${check.status}`);
  const baseline = await run("/healthz");
  const overview = await run(overviewPath, { Cookie: cookie });
  const rows = [
    {
      route: "GET /healthz (baseline)",
      rps: baseline.requests.average,
      p99_ms: baseline.latency.p99,
      errors: baseline.errors + baseline.non2xx,
    },
    {
      route: `GET ${overviewPath} (signed in)`,
      rps: overview.requests.average,
      p99_ms: overview.latency.p99,
      errors: overview.errors + overview.non2xx,
    },
  ];
  console.table(rows);
  const result = {
    database: database.label,
    connections: 50,
    seconds: duration,
    overview_rps: overview.requests.average,
    overview_p99_ms: overview.latency.p99,
    baseline_rps: baseline.requests.average,
    baseline_p99_ms: baseline.latency.p99,
    rps_ratio: +(overview.requests.average / baseline.requests.average).toFixed(3),
    p99_ratio: +(overview.latency.p99 / Math.max(1, baseline.latency.p99)).toFixed(2),
    errors: rows[0]!.errors + rows[1]!.errors,
  };
  console.log(json ? JSON.stringify(result) : result);
} finally {
  await server.stop();
  await database.drop();
}
