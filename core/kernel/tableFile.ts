import { stringify } from "csv-stringify/sync";
import type { Locale } from "../../i18n/index.ts";

/**
 * Writing tables as files people open in a spreadsheet (CSV and .xlsx), one way for every export.
 *
 * Why one module: a spreadsheet runs a cell that starts with = + - @ (or a tab or a return) as a
 * formula, so text a visitor typed ("=HYPERLINK(…)") could run on an organiser's computer. Every
 * text cell written here goes through `guardFormula`; an export cannot forget it.
 */

/** Text, or a number that a spreadsheet should be able to count with. */
export type Cell = string | number;
export type Row = readonly Cell[];

export interface TableFile {
  body: Uint8Array;
  contentType: string;
}

export const CSV_TYPE = "text/csv; charset=utf-8";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Text that a spreadsheet would run as a formula gets an apostrophe in front, which spreadsheets
 * show as text. An import removes that apostrophe again (`unguardFormula`).
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function unguardFormula(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

const guardCell = (cell: Cell): Cell => (typeof cell === "string" ? guardFormula(cell) : cell);

/**
 * Rows (the header row first) as CSV in the reader's language: Dutch spreadsheets expect
 * semicolons, English ones commas; the byte order mark makes Excel read UTF-8, and Windows line
 * ends are what Excel writes itself.
 */
export function csvFile(rows: readonly Row[], opts: { locale: Locale }): TableFile {
  const csv = stringify(
    rows.map((row) => row.map(guardCell)),
    {
      bom: true,
      delimiter: opts.locale === "nl" ? ";" : ",",
      record_delimiter: "windows",
    },
  );
  return { body: new TextEncoder().encode(csv), contentType: CSV_TYPE };
}

export interface SheetOf {
  name: string;
  columns: readonly { header: string; width: number }[];
  rows: Iterable<Row>;
  /** A filter on the header row (on unless false). */
  filter?: boolean;
}

/**
 * Sheets as an Excel workbook, each with a bold header row that stays in view. Cells are values,
 * never formulas, and text is guarded as in CSV, which also protects whoever copies a cell into
 * another program.
 */
export async function xlsxFile(
  sheets: readonly SheetOf[],
  opts: { creator: string },
): Promise<TableFile> {
  // Loaded on first use: exceljs is large, and loading it next to PGlite's WASM heap raised the
  // server's resident memory by ~300 MB, which every process would pay at start for a rare export.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = opts.creator;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = spec.columns.map((c, i) => ({
      header: guardFormula(c.header),
      key: String(i),
      width: c.width,
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row.map(guardCell));
    if (spec.filter !== false)
      sheet.autoFilter = {
        from: { row: 1, column: 1 },
        to: { row: 1, column: spec.columns.length },
      };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return { body: new Uint8Array(buffer), contentType: XLSX_TYPE };
}

/**
 * Uploaded bytes as text. Excel saves "CSV (UTF-8)" with a byte order mark but its plain "CSV"
 * in Windows-1252, which is what a Dutch office sends more often than not.
 */
export function decodeUpload(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
