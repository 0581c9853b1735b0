import { stringify } from "csv-stringify/sync";
import { translator, type Locale } from "../../i18n/index.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { columnHeaders, guardFormula } from "./peopleTable.ts";
import { listPeopleForExport, type PeopleFilters, type PersonSummary } from "./queries.ts";

export interface PeopleFile {
  body: Uint8Array;
  contentType: string;
  /** A file name without directory, safe to put in a Content-Disposition header. */
  fileName: string;
}

function cells(person: PersonSummary, locale: Locale): string[] {
  const t = translator(locale);
  return [
    person.name,
    person.email ?? "",
    person.organisation?.name ?? "",
    person.organisation ? t(`sectors.${person.organisation.sector}`) : "",
    person.perspectives.map((p) => t(`perspectives.${p}`)).join(", "),
    person.expertise.join(", "),
  ];
}

function fileName(regionSlug: string, locale: Locale, extension: string): string {
  const date = new Date().toISOString().slice(0, 10);
  return `${translator(locale)("peopleExport.fileName")}-${regionSlug}-${date}.${extension}`;
}

async function regionSlug(scope: RegionScope): Promise<string> {
  const region = await scope.db
    .selectFrom("regions")
    .select("slug")
    .where("id", "=", scope.regionId)
    .executeTakeFirstOrThrow();
  return region.slug;
}

/**
 * The people the filters match as CSV, headers in the reader's language. Dutch spreadsheets
 * expect semicolons, English ones commas; the byte order mark makes Excel read UTF-8.
 */
export async function exportPeopleCsv(
  scope: RegionScope,
  filters: PeopleFilters,
  locale: Locale,
): Promise<Result<PeopleFile>> {
  if (!hasRole(scope.role, "organiser")) return fail("errors.forbidden");
  const people = await listPeopleForExport(scope, filters);
  const csv = stringify([columnHeaders(locale), ...people.map((p) => cells(p, locale))], {
    bom: true,
    delimiter: locale === "nl" ? ";" : ",",
    record_delimiter: "windows",
    cast: { string: guardFormula },
  });
  return ok({
    body: new TextEncoder().encode(csv),
    contentType: "text/csv; charset=utf-8",
    fileName: fileName(await regionSlug(scope), locale, "csv"),
  });
}

/** The same list as an Excel workbook, with a header row that stays in view and a filter. */
export async function exportPeopleXlsx(
  scope: RegionScope,
  filters: PeopleFilters,
  locale: Locale,
): Promise<Result<PeopleFile>> {
  if (!hasRole(scope.role, "organiser")) return fail("errors.forbidden");
  const people = await listPeopleForExport(scope, filters);
  const t = translator(locale);
  // Loaded on first use: exceljs is large, and loading it next to PGlite's WASM heap raised the
  // server's resident memory by ~300 MB, which every process would pay at start for a rare export.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = t("app.name");
  const sheet = workbook.addWorksheet(t("peopleExport.sheetName"), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  const headers = columnHeaders(locale);
  sheet.columns = headers.map((header, i) => ({
    header,
    key: String(i),
    width: [30, 32, 30, 28, 30, 40][i],
  }));
  sheet.getRow(1).font = { bold: true };
  // Cells are written as text, never as formulas, so an exported value cannot run in Excel.
  for (const person of people) sheet.addRow(cells(person, locale));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return ok({
    body: new Uint8Array(buffer),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    fileName: fileName(await regionSlug(scope), locale, "xlsx"),
  });
}
