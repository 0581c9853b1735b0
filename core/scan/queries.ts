import type { Locale } from "../../db/schema.ts";
import { entriesForEssential, type EssentialEntry } from "../knowledge/forEssential.ts";
import type { RegionScope } from "../kernel/scope.ts";
import type { Reader } from "../kernel/tx.ts";
import { isId } from "../kernel/validate.ts";
import { development, type Development } from "./compare.ts";
import { roundResults, type ResponseData, type RoundResults } from "./results.ts";
import { statementsOf, type ScanStatement } from "./statements.ts";

export interface ScanListItem {
  id: string;
  title: string;
  challengeTitle: string | null;
  rounds: number;
  openRound: number | null;
  responses: number;
  createdAt: Date;
}

/** The region's scans, newest first, with their rounds and responses counted. */
export async function listScans(scope: RegionScope): Promise<ScanListItem[]> {
  const rows = await scope.db
    .selectFrom("scans")
    .leftJoin("challenges", "challenges.id", "scans.challenge_id")
    .select((eb) => [
      "scans.id",
      "scans.title",
      "scans.created_at",
      "challenges.title as challengeTitle",
      eb
        .selectFrom("scan_rounds")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("scan_rounds.scan_id", "=", "scans.id")
        .as("rounds"),
      eb
        .selectFrom("scan_rounds")
        .select("number")
        .whereRef("scan_rounds.scan_id", "=", "scans.id")
        .where("scan_rounds.status", "=", "open")
        .as("openRound"),
      eb
        .selectFrom("scan_responses")
        .innerJoin("scan_rounds", "scan_rounds.id", "scan_responses.round_id")
        .select((e) => e.fn.countAll<number>().as("n"))
        .whereRef("scan_rounds.scan_id", "=", "scans.id")
        .as("responses"),
    ])
    .where("scans.region_id", "=", scope.regionId)
    .orderBy("scans.created_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    challengeTitle: r.challengeTitle,
    rounds: Number(r.rounds ?? 0),
    openRound: r.openRound ?? null,
    responses: Number(r.responses ?? 0),
    createdAt: r.created_at,
  }));
}

export interface ScanRound {
  id: string;
  number: number;
  label: string;
  status: "open" | "closed";
  joinCode: string;
  openedAt: Date;
  closedAt: Date | null;
  responses: number;
}

export interface ScanDetail {
  id: string;
  title: string;
  challenge: { id: string; title: string } | null;
  own: { id: string; theme: ScanStatement["theme"]; form: ScanStatement["form"]; text: string }[];
  statements: ScanStatement[];
  rounds: ScanRound[];
}

/** One scan of the region with its own statements and rounds; null for another region's. */
export async function getScan(
  scope: RegionScope,
  scanId: unknown,
  locale: Locale,
): Promise<ScanDetail | null> {
  if (!isId(scanId)) return null;
  const scan = await scope.db
    .selectFrom("scans")
    .leftJoin("challenges", "challenges.id", "scans.challenge_id")
    .select(["scans.id", "scans.title", "challenges.id as challengeId", "challenges.title as ct"])
    .where("scans.id", "=", scanId)
    .where("scans.region_id", "=", scope.regionId)
    .executeTakeFirst();
  if (!scan) return null;
  const [own, rounds] = await Promise.all([
    ownStatements(scope.db, scan.id),
    scope.db
      .selectFrom("scan_rounds")
      .select((eb) => [
        "id",
        "number",
        "label",
        "status",
        "join_code",
        "opened_at",
        "closed_at",
        eb
          .selectFrom("scan_responses")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("scan_responses.round_id", "=", "scan_rounds.id")
          .as("responses"),
      ])
      .where("scan_id", "=", scan.id)
      .orderBy("number", "desc")
      .execute(),
  ]);
  return {
    id: scan.id,
    title: scan.title,
    challenge: scan.challengeId ? { id: scan.challengeId, title: scan.ct ?? "" } : null,
    own,
    statements: statementsOf(own, locale),
    rounds: rounds.map((r) => ({
      id: r.id,
      number: r.number,
      label: r.label,
      status: r.status,
      joinCode: r.join_code,
      openedAt: r.opened_at,
      closedAt: r.closed_at,
      responses: Number(r.responses ?? 0),
    })),
  };
}

function ownStatements(db: Reader, scanId: string) {
  return db
    .selectFrom("scan_statements")
    .select(["id", "theme", "form", "text"])
    .where("scan_id", "=", scanId)
    .orderBy("created_at")
    .execute();
}

/** The responses of some rounds (all of the region: the caller found the rounds in its scope). */
async function responsesOf(
  db: Reader,
  regionId: string,
  roundIds: string[],
): Promise<Map<string, ResponseData[]>> {
  const out = new Map<string, ResponseData[]>(roundIds.map((id) => [id, []]));
  if (roundIds.length === 0) return out;
  const [responses, answers] = await Promise.all([
    db
      .selectFrom("scan_responses")
      .select([
        "id",
        "round_id",
        "sector",
        "perspective",
        "ladder_now",
        "ladder_desired",
        "phase_1",
        "phase_2",
        "phase_3",
        "phase_4",
      ])
      .where("region_id", "=", regionId)
      .where("round_id", "in", roundIds)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("scan_answers")
      .innerJoin("scan_responses", "scan_responses.id", "scan_answers.response_id")
      .select(["scan_answers.response_id", "scan_answers.statement_key", "scan_answers.value"])
      .where("scan_responses.region_id", "=", regionId)
      .where("scan_responses.round_id", "in", roundIds)
      .execute(),
  ]);
  const byResponse = new Map<string, Map<string, number>>();
  for (const a of answers) {
    let m = byResponse.get(a.response_id);
    if (!m) byResponse.set(a.response_id, (m = new Map()));
    m.set(a.statement_key, a.value);
  }
  for (const r of responses) {
    out.get(r.round_id)!.push({
      sector: r.sector,
      perspective: r.perspective,
      ladderNow: r.ladder_now,
      ladderDesired: r.ladder_desired,
      phases: [r.phase_1, r.phase_2, r.phase_3, r.phase_4],
      answers: byResponse.get(r.id) ?? new Map(),
    });
  }
  return out;
}

export interface RoundPage {
  scan: ScanDetail;
  round: ScanRound;
  results: RoundResults;
  /** Knowledge-base entries that address the weakest essential. */
  tips: EssentialEntry[];
}

/** A round's results within the region; null when the scan or round is not the region's. */
export async function roundPage(
  scope: RegionScope,
  scanId: unknown,
  roundId: unknown,
  locale: Locale,
): Promise<RoundPage | null> {
  const scan = await getScan(scope, scanId, locale);
  const round = scan?.rounds.find((r) => r.id === roundId);
  if (!scan || !round) return null;
  const responses = (await responsesOf(scope.db, scope.regionId, [round.id])).get(round.id)!;
  const results = roundResults(responses, scan.statements);
  const tips = results.weakest
    ? await entriesForEssential(scope.db, scope.regionId, results.weakest, 3, locale)
    : [];
  return { scan, round, results, tips };
}

/** The scan's rounds compared over time; null when the scan is not the region's. */
export async function scanDevelopment(
  scope: RegionScope,
  scanId: unknown,
  locale: Locale,
): Promise<{ scan: ScanDetail; development: Development } | null> {
  const scan = await getScan(scope, scanId, locale);
  if (!scan) return null;
  const responses = await responsesOf(
    scope.db,
    scope.regionId,
    scan.rounds.map((r) => r.id),
  );
  return {
    scan,
    development: development(
      scan.rounds.map((r) => ({
        id: r.id,
        number: r.number,
        label: r.label,
        openedAt: r.openedAt,
        responses: responses.get(r.id) ?? [],
      })),
      scan.statements,
    ),
  };
}

/** Whether the region takes part in the benchmark across regions. */
export async function benchmarkOptIn(scope: RegionScope): Promise<boolean> {
  const row = await scope.db
    .selectFrom("scan_settings")
    .select("benchmark_opt_in")
    .where("region_id", "=", scope.regionId)
    .executeTakeFirst();
  return row?.benchmark_opt_in ?? false;
}
