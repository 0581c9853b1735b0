import { sql } from "kysely";
import { quantileSorted } from "simple-statistics";
import type { ScanTheme } from "../../db/schema.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { benchmarkOptIn } from "./queries.ts";
import { MIN_GROUP, MIN_REGIONS } from "./schema.ts";
import { SCAN_THEMES } from "./statements.ts";

export interface BenchmarkTheme {
  theme: ScanTheme;
  /** The spread of the other regions' scores: no region is named or can be picked out. */
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** This region's own score, from its latest round with enough responses; null without one. */
  own: number | null;
}

export type Benchmark =
  | { status: "notOptedIn" }
  | { status: "tooFew"; regions: number }
  | { status: "shown"; regions: number; themes: BenchmarkTheme[] };

interface RegionScore {
  region_id: string;
  theme: string;
  score: number;
}

/**
 * Each opted-in region's score per theme: the mean over its respondents of their mean answer to
 * the shipped statements (own statements differ per region and are not compared), from its
 * latest round with at least MIN_GROUP responses. Read across regions, aggregated in SQL: only
 * one number per region and theme leaves the database.
 */
async function regionScores(scope: RegionScope): Promise<RegionScore[]> {
  const { rows } = await sql<RegionScore>`
    WITH latest AS (
      SELECT DISTINCT ON (r.region_id) r.region_id, r.id
      FROM scan_rounds r
      JOIN scan_settings s ON s.region_id = r.region_id AND s.benchmark_opt_in
      WHERE (SELECT count(*) FROM scan_responses x WHERE x.round_id = r.id) >= ${MIN_GROUP}
      ORDER BY r.region_id, r.opened_at DESC, r.number DESC
    ), per_respondent AS (
      SELECT l.region_id, x.id, split_part(a.statement_key, '.', 1) AS theme, avg(a.value) AS score
      FROM latest l
      JOIN scan_responses x ON x.round_id = l.id
      JOIN scan_answers a ON a.response_id = x.id
      WHERE a.statement_key NOT LIKE 'own.%'
      GROUP BY l.region_id, x.id, split_part(a.statement_key, '.', 1)
    )
    SELECT region_id, theme, avg(score)::float8 AS score
    FROM per_respondent
    GROUP BY region_id, theme
  `.execute(scope.db);
  return rows;
}

/**
 * The region beside the other opted-in regions, only when it takes part itself and at least
 * MIN_REGIONS others contribute a round of at least MIN_GROUP responses.
 */
export async function benchmark(scope: RegionScope): Promise<Benchmark> {
  if (!(await benchmarkOptIn(scope))) return { status: "notOptedIn" };
  const scores = await regionScores(scope);
  const others = new Set(
    scores.filter((s) => s.region_id !== scope.regionId).map((s) => s.region_id),
  );
  if (others.size < MIN_REGIONS) return { status: "tooFew", regions: others.size };
  const themes: BenchmarkTheme[] = [];
  for (const theme of SCAN_THEMES) {
    const values = scores
      .filter((s) => s.theme === theme && s.region_id !== scope.regionId)
      .map((s) => Number(s.score))
      .sort((a, b) => a - b);
    // A theme fewer regions answered is left out rather than shown on too few.
    if (values.length < MIN_REGIONS) continue;
    const own = scores.find((s) => s.theme === theme && s.region_id === scope.regionId);
    themes.push({
      theme,
      min: values[0]!,
      q1: quantileSorted(values, 0.25),
      median: quantileSorted(values, 0.5),
      q3: quantileSorted(values, 0.75),
      max: values[values.length - 1]!,
      own: own ? Number(own.score) : null,
    });
  }
  return { status: "shown", regions: others.size, themes };
}
