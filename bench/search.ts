import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { noFilters, searchKnowledge } from "../core/knowledge/search.ts";
import { visibleTo } from "../core/knowledge/visibility.ts";
import { openDb } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { databaseFromArgs } from "./lib.ts";
import {
  generateEntry,
  generateQueries,
  grade,
  ndcg,
  random,
  type GeneratedEntry,
} from "./searchCorpus.ts";

/**
 * bench:search — the knowledge base's search over 100,000 entries of 25 regions (bench/
 * searchCorpus.ts: Dutch, one in twelve English, written from concepts in varied forms), as one
 * region sees them: its own, the public ones and those shared with it by name or through its two
 * learning communities. 200 queries with graded relevant entries known from the generator.
 *
 *   p50_ms, p99_ms    searchKnowledge() as the knowledge base's page calls it: the first page
 *                     with highlights and every facet's counts, one query after another
 *   baseline_p99_ms   a plain ILIKE '%term%' search (every term in title, summary or body,
 *                     newest first) over the same visible entries, in the same run
 *   ndcg_at_10        mean nDCG@10 of the search over the 200 queries; baseline_ndcg_at_10 the same
 *                     for the ILIKE search
 *
 * Usage: npm run bench:search -- [--json] [--postgres [url] | --database-url url] [--entries N]
 * Targets (issue 13): p99 ≤ 50 ms on PostgreSQL, ≤ 150 ms on PGlite; nDCG@10 above the baseline.
 */
const args = process.argv;
const json = args.includes("--json");
const at = args.indexOf("--entries");
const ENTRIES = (at > 0 ? Number(args[at + 1]) : 0) || 100_000;
const QUERIES = 200;
const REGIONS = 25;
const urlAt = args.indexOf("--database-url");
const serverUrl = urlAt > 0 ? args[urlAt + 1] : process.env.DATABASE_URL;
if (serverUrl && !args.includes("--postgres")) args.push("--postgres", serverUrl);
delete process.env.DATABASE_URL;

const log = (...parts: unknown[]) => {
  if (!json) console.error(...parts);
};
const ms = (from: number) => Math.round(performance.now() - from);

const database = await databaseFromArgs();
const dataDir = mkdtempSync(join(tmpdir(), "lr-search-"));
const handle = await openDb(
  database.env.DATABASE_URL ? { url: database.env.DATABASE_URL } : { dataDir },
);
const started = performance.now();
await migrate(handle);
const db = handle.db;

const regions = await db
  .insertInto("regions")
  .values(
    Array.from({ length: REGIONS }, (_, i) => ({
      slug: i === 0 ? "bench-zoeken" : `regio-${i}`,
      name: i === 0 ? "Regio Zoeken" : `Regio ${i}`,
    })),
  )
  .returning(["id", "slug"])
  .execute();
const regionIds = regions.sort((a, b) => a.slug.localeCompare(b.slug)).map((r) => r.id);
const searcher = regions.find((r) => r.slug === "bench-zoeken")!.id;
const others = regionIds.filter((id) => id !== searcher);

// Four learning communities; the searching region belongs to the first two.
const communities = await db
  .insertInto("learning_communities")
  .values(
    [0, 1, 2, 3].map((i) => ({
      host_region_id: others[i]!,
      slug: `gemeenschap-${i}`,
      name: `Leergemeenschap ${i}`,
      updated_at: new Date(),
    })),
  )
  .returning("id")
  .execute();
const members = communities.flatMap((community, i) =>
  [searcher, ...others]
    .filter((region, j) => (region === searcher ? i < 2 : (j + i) % 3 === 0))
    .map((region_id) => ({ community_id: community.id, region_id })),
);
await db.insertInto("learning_community_members").values(members).execute();
const searcherCommunities = new Set(communities.slice(0, 2).map((c) => c.id));

interface Placed {
  entry: GeneratedEntry;
  regionId: string;
  status: "draft" | "published";
  visibility: "region" | "shared" | "public";
  shareRegion: string | null;
  shareCommunity: string | null;
}
const rnd = random(13);
const placed: Placed[] = [];
for (let n = 0; n < ENTRIES; n++) {
  const entry = generateEntry(n, rnd);
  const regionId = rnd.next() < 0.08 ? searcher : rnd.pick(others);
  const v = rnd.next();
  const visibility = v < 0.45 ? "public" : v < 0.7 ? "shared" : "region";
  const toCommunity = rnd.next() < 0.5;
  placed.push({
    entry,
    regionId,
    status: rnd.next() < 0.92 ? "published" : "draft",
    visibility,
    shareRegion: visibility === "shared" && !toCommunity ? rnd.pick(regionIds) : null,
    shareCommunity: visibility === "shared" && toCommunity ? rnd.pick(communities).id : null,
  });
}
const visible = (p: Placed) =>
  p.regionId === searcher ||
  (p.status === "published" &&
    (p.visibility === "public" ||
      (p.visibility === "shared" &&
        (p.shareRegion === searcher ||
          (p.shareCommunity !== null && searcherCommunities.has(p.shareCommunity))))));

// Bulk: one INSERT … SELECT FROM unnest(…) per 2,000 entries, the lists passed as arrays.
const BATCH = 2000;
const now = Date.now();
for (let from = 0; from < placed.length; from += BATCH) {
  const batch = placed.slice(from, from + BATCH);
  const col = <T>(f: (p: Placed) => T) => batch.map(f);
  const list = (xs: (string | number)[]) => xs.join(",");
  await sql`INSERT INTO knowledge_entries (region_id, slug, kind, title, summary, body_md, theme,
      language, status, visibility, sectors, perspectives, essentials, ambition_levels, phases,
      created_at, updated_at, published_at)
    SELECT r, s, k, t, su, b, th, l, st, v, string_to_array(se, ','), string_to_array(pe, ','),
      string_to_array(es, ','), string_to_array(am, ',')::int[], string_to_array(ph, ',')::int[],
      u - interval '3 days', u, CASE WHEN st = 'published' THEN u END
    FROM unnest(${col((p) => p.regionId)}::uuid[], ${col((p) => `e-${p.entry.n}`)}::text[],
      ${col((p) => p.entry.kind)}::text[], ${col((p) => p.entry.title)}::text[],
      ${col((p) => p.entry.summary)}::text[], ${col((p) => p.entry.body)}::text[],
      ${col((p) => p.entry.theme)}::text[], ${col((p) => p.entry.language)}::text[],
      ${col((p) => p.status)}::text[], ${col((p) => p.visibility)}::text[],
      ${col((p) => list(p.entry.sectors))}::text[], ${col((p) => list(p.entry.perspectives))}::text[],
      ${col((p) => list(p.entry.essentials))}::text[], ${col((p) => list(p.entry.ambitionLevels))}::text[],
      ${col((p) => list(p.entry.phases))}::text[],
      ${col((p) => new Date(now - p.entry.ageDays * 86_400_000 - p.entry.n * 1000).toISOString())}::timestamptz[])
      AS x(r, s, k, t, su, b, th, l, st, v, se, pe, es, am, ph, u)`.execute(db);
  const shared = batch.filter((p) => p.visibility === "shared");
  await sql`INSERT INTO knowledge_entry_shares (entry_id, region_id, community_id)
    SELECT e.id, x.sr, x.sc
    FROM unnest(${shared.map((p) => p.regionId)}::uuid[], ${shared.map((p) => `e-${p.entry.n}`)}::text[],
      ${shared.map((p) => p.shareRegion)}::uuid[], ${shared.map((p) => p.shareCommunity)}::uuid[])
      AS x(r, s, sr, sc)
    JOIN knowledge_entries e ON e.region_id = x.r AND e.slug = x.s`.execute(db);
}
await sql`ANALYZE`.execute(db);
log(`${database.label}: ${ENTRIES} entries (${ms(started)} ms to seed)`);

const queries = generateQueries(QUERIES, random(42));
const seen = placed.filter(visible).map((p) => p.entry);
const judged = queries.map((q) => seen.map((e) => grade(e, q)).filter((g) => g > 0));
const byN = new Map(placed.map((p) => [p.entry.n, p.entry]));
const gradesOf = (slugs: string[], i: number) =>
  slugs.slice(0, 10).map((s) => grade(byN.get(Number(s.slice(2)))!, queries[i]!));

const search = (q: string) =>
  searchKnowledge(db, { regionId: searcher }, { q, page: 1, filters: noFilters() });
const baseline = async (q: string) => {
  let query = db
    .selectFrom("knowledge_entries")
    .select("knowledge_entries.slug")
    .where(visibleTo(searcher));
  for (const term of q.split(/\s+/).filter(Boolean)) {
    const like = `%${term}%`;
    query = query.where((eb) =>
      eb.or([
        eb("knowledge_entries.title", "ilike", like),
        eb("knowledge_entries.summary", "ilike", like),
        eb("knowledge_entries.body_md", "ilike", like),
      ]),
    );
  }
  return (await query.orderBy("knowledge_entries.updated_at", "desc").limit(10).execute()).map(
    (r) => r.slug,
  );
};

// Once through untimed: the first query of each kind pays for plans and cold pages.
for (const q of queries.slice(0, 20)) {
  await search(q.text);
  await baseline(q.text);
}
const times: number[] = [];
const baseTimes: number[] = [];
const scores: number[] = [];
const baseScores: number[] = [];
for (const [i, q] of queries.entries()) {
  let t = performance.now();
  const result = await search(q.text);
  times.push(performance.now() - t);
  scores.push(
    ndcg(
      gradesOf(
        result.hits.map((h) => h.slug),
        i,
      ),
      judged[i]!,
    ),
  );
  t = performance.now();
  const base = await baseline(q.text);
  baseTimes.push(performance.now() - t);
  baseScores.push(ndcg(gradesOf(base, i), judged[i]!));
}
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10;
};
const mean = (xs: number[]) =>
  Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000) / 1000;
const out = {
  entries: ENTRIES,
  queries: queries.length,
  p50_ms: pct(times, 50),
  p99_ms: pct(times, 99),
  baseline_p99_ms: pct(baseTimes, 99),
  ndcg_at_10: mean(scores),
  baseline_ndcg_at_10: mean(baseScores),
  database: database.label,
};
if (json) console.log(JSON.stringify(out));
else {
  console.log(out);
  const worst = queries
    .map((q, i) => ({
      q: q.text,
      ms: Math.round(times[i]!),
      ndcg: Math.round(scores[i]! * 100) / 100,
    }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  console.log("slowest:", worst);
}
await handle.close();
// --keep leaves the database for a look at the plans (its name is in DATABASE_URL's place).
if (args.includes("--keep")) console.error(`kept: ${database.env.DATABASE_URL ?? dataDir}`);
else await database.drop();
if (!args.includes("--keep")) rmSync(dataDir, { recursive: true, force: true });
