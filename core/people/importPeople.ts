import { CsvError, parse } from "csv-parse/sync";
import { sql } from "kysely";
import { z } from "zod";
import type { Message } from "../../i18n/index.ts";
import type { Perspective, Sector } from "../kernel/sectors.ts";
import { inRegion } from "../kernel/guard.ts";
import { conflict, fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import type { Tx } from "../kernel/tx.ts";
import { LIMITS, optionalText, tags, text, validate } from "../kernel/validate.ts";
import { perspectiveOf, sectorOf } from "../kernel/sectorLabels.ts";
import { columnOf, splitList, type PeopleColumn } from "./peopleTable.ts";
import { unguardFormula } from "../kernel/tableFile.ts";
import { peoplePolicy } from "./policy.ts";
import { inPerspectiveOrder, isUniqueViolation, optionalEmail } from "./schema.ts";

/** What one import may hold; larger lists are split by the organiser, with a clear message. */
export const IMPORT_LIMITS = { bytes: 2 * 1024 * 1024, rows: 5000 } as const;

export interface ImportRowError {
  column: PeopleColumn;
  message: Message;
}

export interface ImportRow {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  name: string;
  email: string | null;
  organisation: string | null;
  sector: Sector | null;
  perspectives: Perspective[];
  expertise: string[];
  errors: ImportRowError[];
  /** What confirming will do with the row; rows with errors are skipped. */
  action: "create" | "update" | "skip";
  /** Whether the organisation exists already or will be created. */
  organisationIsNew: boolean;
}

export interface ImportPreview {
  rows: ImportRow[];
  ignoredColumns: string[];
  newOrganisations: { name: string; sector: Sector }[];
  counts: { create: number; update: number; skip: number };
}

const rowSchema = z.object({
  name: text(LIMITS.name),
  email: optionalEmail(),
  organisation: optionalText(LIMITS.name).transform((v) => (v === "" ? null : v)),
  expertise: tags(),
});

type Cells = Partial<Record<PeopleColumn, string>>;

function readRow(row: number, cells: Cells): Omit<ImportRow, "action" | "organisationIsNew"> {
  const errors: ImportRowError[] = [];
  const parsed = validate(rowSchema, {
    name: cells.name ?? "",
    email: cells.email ?? "",
    organisation: cells.organisation ?? "",
    expertise: splitList(cells.expertise ?? ""),
  });
  if (!parsed.ok) {
    for (const [path, message] of Object.entries(parsed.fieldErrors ?? {})) {
      errors.push({ column: path.split(".")[0] as PeopleColumn, message });
    }
  }

  let sector: Sector | null = null;
  const sectorCell = cells.sector?.trim() ?? "";
  if (sectorCell) {
    sector = sectorOf(sectorCell) ?? null;
    if (!sector) {
      errors.push({
        column: "sector",
        message: { key: "peopleImport.unknownSector", values: { value: sectorCell } },
      });
    }
  }

  const perspectives: Perspective[] = [];
  for (const value of splitList(cells.perspectives ?? "")) {
    const p = perspectiveOf(value);
    if (p) {
      perspectives.push(p);
    } else {
      errors.push({
        column: "perspectives",
        message: { key: "peopleImport.unknownPerspective", values: { value } },
      });
    }
  }

  return {
    row,
    name: parsed.ok ? parsed.value.name : (cells.name ?? "").trim(),
    email: parsed.ok ? parsed.value.email : (cells.email ?? "").trim().toLowerCase() || null,
    organisation: parsed.ok ? parsed.value.organisation : (cells.organisation ?? "").trim() || null,
    sector,
    perspectives: inPerspectiveOrder(perspectives),
    expertise: parsed.ok ? parsed.value.expertise : splitList(cells.expertise ?? ""),
    errors,
  };
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

/**
 * Dutch Excel separates with semicolons, most other software with commas. The header decides:
 * whichever delimiter yields more columns that we recognise.
 */
function detectDelimiter(csv: string): string {
  const score = (delimiter: string) => {
    try {
      const [header] = parseRecords(csv, delimiter, 1);
      return (header ?? []).filter((h) => columnOf(h) !== undefined).length;
    } catch {
      return -1;
    }
  };
  return score(";") > score(",") ? ";" : ",";
}

/**
 * Reads a people file (CSV, with a header row) without touching the database. A problem with the
 * file as a whole is a failed result; problems with single rows are listed on those rows.
 */
export function parsePeopleCsv(
  csv: string,
): Result<{ rows: Omit<ImportRow, "action" | "organisationIsNew">[]; ignoredColumns: string[] }> {
  if (Buffer.byteLength(csv, "utf8") > IMPORT_LIMITS.bytes) {
    return fail("peopleImport.tooLarge", undefined, { max: "2 MB" });
  }
  if (csv.replace(/^\uFEFF/, "").trim() === "") return fail("peopleImport.empty");

  let records: string[][];
  try {
    records = parseRecords(csv, detectDelimiter(csv));
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 0;
      return fail("peopleImport.unreadable", undefined, { line });
    }
    throw error;
  }

  const [header = [], ...data] = records;
  const columns = header.map((h) => columnOf(h));
  if (!columns.includes("name")) return fail("peopleImport.noNameColumn");
  const ignoredColumns = header.filter((h, i) => columns[i] === undefined && h.trim() !== "");

  const rows: Omit<ImportRow, "action" | "organisationIsNew">[] = [];
  const seenEmails = new Map<string, number>();
  for (const [index, record] of data.entries()) {
    if (record.every((cell) => cell.trim() === "")) continue;
    if (rows.length === IMPORT_LIMITS.rows) {
      return fail("peopleImport.tooManyRows", undefined, { max: IMPORT_LIMITS.rows });
    }
    const cells: Cells = {};
    for (const [i, column] of columns.entries()) {
      if (column && cells[column] === undefined) {
        cells[column] = unguardFormula(record[i] ?? "");
      }
    }
    const row = readRow(index + 2, cells);
    if (row.email && !row.errors.some((e) => e.column === "email")) {
      const earlier = seenEmails.get(row.email);
      if (earlier !== undefined) {
        row.errors.push({
          column: "email",
          message: { key: "peopleImport.duplicateInFile", values: { row: earlier } },
        });
      } else {
        seenEmails.set(row.email, row.row);
      }
    }
    rows.push(row);
  }
  if (rows.length === 0) return fail("peopleImport.empty");
  return ok({ rows, ignoredColumns });
}

/**
 * What the file would do against the region as it is now. With `lock` (the import itself), the
 * rows the plan relies on stay as read until the writes are done: the region's organisations are
 * held FOR SHARE (none is deleted under a person about to point at it) and the people to update
 * FOR UPDATE (none is erased or merged and then given its name back).
 */
async function planImport(db: Tx, regionId: string, csv: string, lock: boolean) {
  const parsed = parsePeopleCsv(csv);
  if (!parsed.ok) return parsed;
  const { rows, ignoredColumns } = parsed.value;

  const organisationQuery = db
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("region_id", "=", regionId);
  const organisations = await (lock ? organisationQuery.forShare() : organisationQuery).execute();
  const organisationIds = new Map(organisations.map((o) => [o.name.toLowerCase(), o.id]));

  const emails = rows.flatMap((r) => (r.email && r.errors.length === 0 ? [r.email] : []));
  const peopleQuery = db
    .selectFrom("people")
    .select(["id", "email"])
    .where("region_id", "=", regionId)
    .where("email", "in", emails)
    .orderBy("id");
  const existing =
    emails.length === 0 ? [] : await (lock ? peopleQuery.forUpdate() : peopleQuery).execute();
  const personIds = new Map(existing.map((p) => [p.email!, p.id]));

  const newOrganisations = new Map<string, { name: string; sector: Sector }>();
  const planned: (ImportRow & { personId?: string })[] = rows.map((r) => {
    const key = r.organisation?.toLowerCase();
    const organisationIsNew = key !== undefined && !organisationIds.has(key);
    if (r.errors.length > 0) return { ...r, action: "skip", organisationIsNew };
    if (key !== undefined && organisationIsNew && !newOrganisations.has(key)) {
      newOrganisations.set(key, { name: r.organisation!, sector: r.sector ?? "other" });
    }
    const personId = r.email ? personIds.get(r.email) : undefined;
    return { ...r, action: personId ? "update" : "create", organisationIsNew, personId };
  });

  const counts = { create: 0, update: 0, skip: 0 };
  for (const r of planned) counts[r.action]++;
  return ok({
    rows: planned,
    ignoredColumns,
    newOrganisations: [...newOrganisations.values()],
    counts,
    organisationIds,
  });
}

/** What an import would do, row by row, with every row's errors. Writes nothing. */
export async function previewImport(
  scope: RegionScope,
  csv: string,
): Promise<Result<ImportPreview>> {
  // Through the guard for its role check and one consistent read; it writes nothing.
  return inRegion(scope, peoplePolicy.importPeople, async (tx) => {
    const plan = await planImport(tx, scope.regionId, csv, false);
    if (!plan.ok) return plan;
    const { rows, ignoredColumns, newOrganisations, counts } = plan.value;
    return ok({
      rows: rows.map(({ personId: _personId, ...r }) => r),
      ignoredColumns,
      newOrganisations,
      counts,
    });
  });
}

/**
 * Carries out an import the organiser has seen in preview: rows with errors are skipped, a known
 * e-mail address updates that person, any other row adds one. Filled cells replace what was
 * known; empty cells leave it as it was. All of it happens in one transaction, or none of it.
 */
export async function importPeople(
  scope: RegionScope,
  csv: string,
): Promise<Result<{ created: number; updated: number; skipped: number; organisations: number }>> {
  return inRegion(scope, peoplePolicy.importPeople, async (trx) => {
    try {
      const plan = await planImport(trx, scope.regionId, csv, true);
      if (!plan.ok) return plan;
      const { rows, newOrganisations, counts, organisationIds } = plan.value;

      if (newOrganisations.length > 0) {
        const created = await trx
          .insertInto("organisations")
          .values(newOrganisations.map((o) => ({ region_id: scope.regionId, ...o })))
          .returning(["id", "name"])
          .execute();
        for (const o of created) organisationIds.set(o.name.toLowerCase(), o.id);
      }
      const organisationId = (name: string | null) =>
        name === null ? null : (organisationIds.get(name.toLowerCase()) ?? null);

      const inserts = rows
        .filter((r) => r.action === "create")
        .map((r) => ({
          region_id: scope.regionId,
          name: r.name,
          email: r.email,
          organisation_id: organisationId(r.organisation),
          perspectives: r.perspectives,
          expertise: r.expertise,
        }));
      // Batches keep each statement well below PostgreSQL's limit of 65,535 parameters.
      for (let i = 0; i < inserts.length; i += 1000) {
        await trx
          .insertInto("people")
          .values(inserts.slice(i, i + 1000))
          .execute();
      }

      for (const r of rows) {
        if (r.action !== "update" || !r.personId) continue;
        await trx
          .updateTable("people")
          .set({
            name: r.name,
            ...(r.organisation !== null ? { organisation_id: organisationId(r.organisation) } : {}),
            ...(r.perspectives.length > 0 ? { perspectives: r.perspectives } : {}),
            ...(r.expertise.length > 0 ? { expertise: r.expertise } : {}),
            updated_at: sql`now()`,
          })
          .where("region_id", "=", scope.regionId)
          .where("id", "=", r.personId)
          .where("erased_at", "is", null)
          .execute();
      }
      return ok({
        created: counts.create,
        updated: counts.update,
        skipped: counts.skip,
        organisations: newOrganisations.length,
      });
    } catch (error) {
      // Someone added the same person or organisation between the plan and the writes: the
      // unique indexes decide, and the guard rolls back what was written before.
      if (
        isUniqueViolation(error, "people_region_email") ||
        isUniqueViolation(error, "organisations_region_name")
      ) {
        return conflict("peopleImport.changedMeanwhile");
      }
      throw error;
    }
  });
}
