import { gunzipSync, gzipSync } from "node:zlib";
import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import type { Message } from "../../i18n/index.ts";
import { LOCALES, translator } from "../../i18n/index.ts";
import { sectorOf } from "../kernel/sectorLabels.ts";
import { decodeUpload } from "../kernel/tableFile.ts";
import { unguardFormula } from "../kernel/tableFile.ts";
import type { Sector } from "../kernel/sectors.ts";
import { withRow } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import { isZip, readFirstSheet, SPREADSHEET_LIMITS } from "../kernel/spreadsheet.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { inOrder } from "./gatherContributions.ts";
import { harvestPolicy } from "./policy.ts";
import { HARVEST_LIMITS, kindOf, tagList, withoutNul, type Kind } from "./types.ts";

/**
 * What one import may hold. The file size matches the server's upload limit; a spreadsheet (a zip
 * file) is read with the limits of core/kernel/spreadsheet.ts, which count what it unpacks to,
 * so a small file that unpacks to gigabytes is refused instead of filling the memory. `unpacked`
 * also bounds the preview's packed payload.
 */
export const CONTRIBUTION_IMPORT_LIMITS = {
  bytes: 5 * 1024 * 1024,
  rows: 20_000,
  unpacked: SPREADSHEET_LIMITS.unpacked,
} as const;

/** The columns of a contributions file, in the order the export writes them. */
export const IMPORT_COLUMNS = ["text", "kind", "sector", "source", "theme", "tags"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const HEADER_ALIASES: Record<string, ImportColumn> = {
  tekst: "text",
  bijdrage: "text",
  bijdragen: "text",
  inbreng: "text",
  contribution: "text",
  soort: "kind",
  type: "kind",
  bron: "source",
  thema: "theme",
  labels: "tags",
  label: "tags",
  tag: "tags",
  trefwoorden: "tags",
};

const normal = (s: string) => s.trim().toLocaleLowerCase("nl").replace(/\s+/g, " ");

const headerLookup = new Map<string, ImportColumn>(
  Object.entries(HEADER_ALIASES).map(([k, v]) => [normal(k), v]),
);
for (const column of IMPORT_COLUMNS) {
  headerLookup.set(column, column);
  for (const locale of LOCALES) {
    headerLookup.set(normal(translator(locale)(`harvest.columns.${column}`)), column);
  }
}

export function importColumnOf(header: string): ImportColumn | undefined {
  return headerLookup.get(normal(header));
}

export interface ImportRowError {
  column: ImportColumn | null;
  message: Message;
}

export interface ContributionImportRow {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  text: string;
  kind: Kind;
  sector: Sector | null;
  source: string;
  theme: string;
  tags: string[];
  errors: ImportRowError[];
  /** Rows with errors are skipped, and so are rows this harvest imported before. */
  action: "import" | "skip" | "duplicate";
}

export interface ContributionImportPreview {
  rows: ContributionImportRow[];
  ignoredColumns: string[];
  counts: { import: number; skip: number; duplicate: number };
  /** The file as read, carried by the preview page to the organiser's "accept". */
  payload: string;
}

/** A read file: its cells by our columns, before any check. Row number first. */
type RawRow = [number, string, string, string, string, string, string];

interface ReadFile {
  rows: RawRow[];
  ignoredColumns: string[];
}

const tooLarge = () => fail("harvest.import.tooLarge", undefined, { max: "5 MB" });
const tooManyRows = () =>
  fail("harvest.import.tooManyRows", undefined, { max: CONTRIBUTION_IMPORT_LIMITS.rows });

/** Cells of a table (header first) as rows of our columns; every problem of the whole file fails. */
function fromTable(records: Iterable<[number, string[]]>): Result<ReadFile> {
  let columns: (ImportColumn | undefined)[] | null = null;
  let ignoredColumns: string[] = [];
  const rows: RawRow[] = [];
  for (const [rowNumber, record] of records) {
    if (columns === null) {
      if (record.every((c) => c.trim() === "")) continue;
      columns = record.map((h) => importColumnOf(h));
      if (!columns.includes("text")) return fail("harvest.import.noTextColumn");
      ignoredColumns = record
        .filter((h, i) => columns![i] === undefined && h.trim() !== "")
        .map((h) => withoutNul(h).slice(0, 100));
      continue;
    }
    if (record.every((c) => c.trim() === "")) continue;
    if (rows.length === CONTRIBUTION_IMPORT_LIMITS.rows) return tooManyRows();
    const cells: Partial<Record<ImportColumn, string>> = {};
    for (const [i, column] of columns.entries()) {
      if (column && cells[column] === undefined)
        cells[column] = unguardFormula(withoutNul(record[i] ?? ""));
    }
    rows.push([
      rowNumber,
      cells.text ?? "",
      cells.kind ?? "",
      cells.sector ?? "",
      cells.source ?? "",
      cells.theme ?? "",
      cells.tags ?? "",
    ]);
  }
  if (rows.length === 0) return fail("harvest.import.empty");
  return ok({ rows, ignoredColumns });
}

function parseRecords(csv: string, delimiter: string, toLine?: number): string[][] {
  return parse(csv, {
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    ...(toLine ? { to_line: toLine } : {}),
  });
}

/** Semicolons (Dutch Excel) or commas: whichever makes more columns of the header known. */
function detectDelimiter(csv: string): string {
  const score = (delimiter: string) => {
    try {
      const [header] = parseRecords(csv, delimiter, 1);
      return (header ?? []).filter((h) => importColumnOf(h) !== undefined).length;
    } catch {
      return -1;
    }
  };
  return score(";") > score(",") ? ";" : ",";
}

/** Reads CSV text: a header row with our columns, in Dutch or English, in any order. */
export function readContributionsCsv(csv: string): Result<ReadFile> {
  if (Buffer.byteLength(csv, "utf8") > CONTRIBUTION_IMPORT_LIMITS.bytes) return tooLarge();
  if (csv.replace(/^\uFEFF/, "").trim() === "") return fail("harvest.import.empty");
  let records: string[][];
  try {
    records = parseRecords(csv, detectDelimiter(csv));
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 0;
      return fail("harvest.import.unreadable", undefined, { line });
    }
    throw error;
  }
  // Rows beyond the limit are refused before each is looked at.
  if (records.length > CONTRIBUTION_IMPORT_LIMITS.rows + 1) {
    const filled = records.filter((r) => r.some((c) => c.trim() !== "")).length;
    if (filled > CONTRIBUTION_IMPORT_LIMITS.rows + 1) return tooManyRows();
  }
  return fromTable(records.map((r, i) => [i + 1, r] as [number, string[]]));
}

/** Reads the first sheet of an Excel workbook (.xlsx) the same way as a CSV file. */
export async function readContributionsXlsx(bytes: Uint8Array): Promise<Result<ReadFile>> {
  if (bytes.length > CONTRIBUTION_IMPORT_LIMITS.bytes) return tooLarge();
  // The header row plus the limit; the reader stops at the row after that.
  const sheet = await readFirstSheet(bytes, { rows: CONTRIBUTION_IMPORT_LIMITS.rows + 1 });
  if (!sheet.ok) {
    if (sheet.reason === "tooLarge") return tooLarge();
    if (sheet.reason === "tooManyRows") return tooManyRows();
    return fail("harvest.import.unreadableXlsx");
  }
  return fromTable(sheet.rows);
}

/** An uploaded file, CSV or Excel: a zip file is read as a workbook, anything else as CSV text. */
export async function readContributionsFile(bytes: Uint8Array): Promise<Result<ReadFile>> {
  if (bytes.length > CONTRIBUTION_IMPORT_LIMITS.bytes) return tooLarge();
  if (bytes.length === 0) return fail("harvest.import.empty");
  if (isZip(bytes)) return readContributionsXlsx(bytes);
  return readContributionsCsv(decodeUpload(bytes));
}

const payloadSchema = z.object({
  v: z.literal(1),
  ignored: z.array(z.string().max(500)).max(200),
  rows: z
    .array(
      z.tuple([
        z.number().int().min(1),
        z.string(),
        z.string(),
        z.string(),
        z.string(),
        z.string(),
        z.string(),
      ]),
    )
    .min(1)
    .max(CONTRIBUTION_IMPORT_LIMITS.rows),
});

/** The read file, packed small for the preview page's hidden field (gzip, base64). */
export function packPayload(file: ReadFile): string {
  const json = JSON.stringify({ v: 1, ignored: file.ignoredColumns, rows: file.rows });
  return gzipSync(json).toString("base64");
}

export function unpackPayload(payload: unknown): Result<ReadFile> {
  if (typeof payload !== "string" || payload === "") return fail("harvest.import.noInput");
  try {
    const json = gunzipSync(Buffer.from(payload, "base64"), {
      maxOutputLength: CONTRIBUTION_IMPORT_LIMITS.unpacked,
    }).toString("utf8");
    const parsed = payloadSchema.safeParse(JSON.parse(json));
    if (!parsed.success) return fail("harvest.import.startAgain");
    return ok({
      rows: parsed.data.rows.map(
        (r) => r.map((c) => (typeof c === "string" ? withoutNul(c) : c)) as RawRow,
      ),
      ignoredColumns: parsed.data.ignored.map(withoutNul),
    });
  } catch {
    return fail("harvest.import.startAgain");
  }
}

const cellSchema = z.object({
  text: z
    .string()
    .trim()
    .min(1, { error: "validation.required" })
    .max(HARVEST_LIMITS.text, { error: () => `validation.tooLong|${HARVEST_LIMITS.text}` }),
  source: z
    .string()
    .trim()
    .max(HARVEST_LIMITS.sourceLabel, {
      error: () => `validation.tooLong|${HARVEST_LIMITS.sourceLabel}`,
    }),
  theme: z
    .string()
    .trim()
    .max(HARVEST_LIMITS.sourceTheme, {
      error: () => `validation.tooLong|${HARVEST_LIMITS.sourceTheme}`,
    }),
  tags: tagList(),
});

function checkRow([row, text, kind, sector, source, theme, tags]: RawRow): Omit<
  ContributionImportRow,
  "action"
> {
  const errors: ImportRowError[] = [];
  const parsed = validate(cellSchema, { text, source, theme, tags });
  if (!parsed.ok) {
    for (const [path, message] of Object.entries(parsed.fieldErrors ?? {})) {
      const column = path.split(".")[0] as ImportColumn;
      errors.push({ column: IMPORT_COLUMNS.includes(column) ? column : null, message });
    }
  }
  let k: Kind = "other";
  if (kind.trim() !== "") {
    const found = kindOf(kind);
    if (found) k = found;
    else
      errors.push({
        column: "kind",
        message: { key: "harvest.import.unknownKind", values: { value: kind.trim().slice(0, 60) } },
      });
  }
  let s: Sector | null = null;
  if (sector.trim() !== "") {
    s = sectorOf(sector) ?? null;
    if (!s)
      errors.push({
        column: "sector",
        message: {
          key: "harvest.import.unknownSector",
          values: { value: sector.trim().slice(0, 60) },
        },
      });
  }
  const cut = (v: string, max: number) => v.trim().slice(0, max);
  return {
    row,
    text: parsed.ok ? parsed.value.text : cut(text, 300),
    kind: k,
    sector: s,
    source: parsed.ok ? parsed.value.source : cut(source, HARVEST_LIMITS.sourceLabel),
    theme: parsed.ok ? parsed.value.theme : cut(theme, HARVEST_LIMITS.sourceTheme),
    tags: parsed.ok ? parsed.value.tags : [],
    errors,
  };
}

const duplicateKey = (text: string, source: string) => `${normal(text)}\u0000${normal(source)}`;

/** Checks every row and marks those this harvest imported before (same text, same source). */
export async function planImport(scope: RegionScope, harvestId: string, file: ReadFile) {
  const existing = await scope.db
    .selectFrom("contributions")
    .select(["text", "source_label"])
    .where("region_id", "=", scope.regionId)
    .where("harvest_id", "=", harvestId)
    .where("origin", "=", "import")
    .execute();
  const seen = new Set(existing.map((e) => duplicateKey(e.text, e.source_label)));
  const rows: ContributionImportRow[] = file.rows.map((raw) => {
    const r = checkRow(raw);
    if (r.errors.length > 0) return { ...r, action: "skip" };
    if (seen.has(duplicateKey(r.text, r.source))) return { ...r, action: "duplicate" };
    return { ...r, action: "import" };
  });
  const counts = { import: 0, skip: 0, duplicate: 0 };
  for (const r of rows) counts[r.action]++;
  return { rows, counts };
}

/**
 * Imports a file the organiser has seen in preview: rows with errors, and rows imported before,
 * are skipped; the others become contributions with origin 'import'. All of it or none of it.
 */
export async function importContributions(
  scope: RegionScope,
  harvestId: string,
  payload: unknown,
): Promise<Result<{ imported: number; skipped: number; duplicates: number }>> {
  // Locked, so that two accepts of the same preview import it once.
  const spec = {
    role: harvestPolicy.importContributions,
    table: "harvests",
    id: harvestId,
    lock: true,
  } as const;
  return withRow(scope, spec, async (trx) => {
    const file = unpackPayload(payload);
    if (!file.ok) return file;
    const { rows, counts } = await planImport({ ...scope, db: trx }, harvestId, file.value);
    const values = rows
      .filter((r) => r.action === "import")
      .map((r, i) => ({
        harvest_id: harvestId,
        region_id: scope.regionId,
        text: r.text,
        kind: r.kind,
        origin: "import" as const,
        sector: r.sector,
        source_label: r.source,
        source_theme: r.theme,
        tags: JSON.stringify(r.tags),
        created_at: inOrder(i),
      }));
    for (let i = 0; i < values.length; i += 1000) {
      await trx
        .insertInto("contributions")
        .values(values.slice(i, i + 1000))
        .execute();
    }
    return ok({ imported: counts.import, skipped: counts.skip, duplicates: counts.duplicate });
  });
}
