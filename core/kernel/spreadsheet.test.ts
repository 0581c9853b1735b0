import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  deflated,
  deflatedRepeat,
  SHEET_HEAD,
  SHEET_TAIL,
  sheetOf,
  STRINGS_HEAD,
  STRINGS_TAIL,
  xlsxOf,
  zipOf,
} from "../../test/xlsxFiles.ts";
import { isZip, readFirstSheet, SPREADSHEET_LIMITS } from "./spreadsheet.ts";

const sheet1 = "xl/worksheets/sheet1.xml";

describe("reading the first sheet of a workbook", () => {
  it("reads the first tab's cells as text, whatever its part is called", async () => {
    const first = `${SHEET_HEAD}
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
      <row r="3"><c r="A3"><v>12345</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="str"><f>A1</f><v>Som</v></c><c r="D3" t="e"><v>#N/A</v></c><c r="E3" s="1"><v>0.5</v></c></row>
      <row r="4"><c r="B4" t="inlineStr"><is><r><t>Rijke </t></r><r><rPr><b/></rPr><t>tekst_x000D_</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c></row>
      <row r="5"/>
      <row><c><v>7</v></c><c r="D6"><![CDATA[]]></c><c><v>8</v></c></row>
    ${SHEET_TAIL}`;
    const file = xlsxOf({
      sheets: [
        ["xl/worksheets/data.xml", first],
        [sheet1, sheetOf([["het tweede blad"]])],
      ],
      strings: ["Tekst", "Bron & <thema>"],
    });
    expect(await readFirstSheet(file, { rows: 10 })).toEqual({
      ok: true,
      rows: [
        [1, ["Tekst", "", "Bron & <thema>"]],
        [3, ["12345", "true", "Som", "#N/A", "0.5"]],
        [4, ["", "Rijke tekst\r"]],
        [6, ["7", "", "", "", "8"]],
      ],
    });
  });

  it("reads a workbook as exceljs writes it", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Bijdragen");
    sheet.addRow(["Tekst", "Aantal"]);
    sheet.addRow(["Samen leren", 3]);
    sheet.addRow([{ richText: [{ text: "Vet", font: { bold: true } }, { text: " en niet" }] }]);
    workbook.addWorksheet("Anders").addRow(["niet dit blad"]);
    const file = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(isZip(file)).toBe(true);
    expect(await readFirstSheet(file, { rows: 10 })).toEqual({
      ok: true,
      rows: [
        [1, ["Tekst", "Aantal"]],
        [2, ["Samen leren", "3"]],
        [3, ["Vet en niet"]],
      ],
    });
  });

  it("refuses what is not a readable workbook, and reads a workbook without sheets as empty", async () => {
    expect(await readFirstSheet(new TextEncoder().encode("tekst\nidee\n"), { rows: 10 })).toEqual({
      ok: false,
      reason: "unreadable",
    });
    const broken = xlsxOf({ sheets: [[sheet1, `${SHEET_HEAD}<row r="1"><c>${SHEET_TAIL}`]] });
    expect(await readFirstSheet(broken, { rows: 10 })).toEqual({
      ok: false,
      reason: "unreadable",
    });
    expect(await readFirstSheet(zipOf([deflated("a.txt", "hallo")]), { rows: 10 })).toEqual({
      ok: true,
      rows: [],
    });
  });

  it("stops at the row after the limit, and at too many empty rows", async () => {
    const rows = Array.from({ length: 6 }, (_, i) => [`rij ${i + 1}`]);
    expect(
      await readFirstSheet(xlsxOf({ sheets: [[sheet1, sheetOf(rows)]] }), { rows: 6 }),
    ).toEqual({ ok: true, rows: rows.map((cells, i) => [i + 1, cells]) });
    expect(
      await readFirstSheet(xlsxOf({ sheets: [[sheet1, sheetOf(rows)]] }), { rows: 5 }),
    ).toEqual({ ok: false, reason: "tooManyRows" });
    const empty = deflatedRepeat(sheet1, {
      head: SHEET_HEAD,
      block: "<row/>",
      times: SPREADSHEET_LIMITS.emptyRows + 6,
      tail: SHEET_TAIL,
    });
    expect(await readFirstSheet(xlsxOf({ sheets: [[sheet1, empty]] }), { rows: 5 })).toEqual({
      ok: false,
      reason: "tooManyRows",
    });
  });

  it("refuses more cells or shared strings than the limit, without reading them all", async () => {
    const cells = deflatedRepeat(sheet1, {
      head: SHEET_HEAD,
      block: `<row>${"<c><v>1</v></c>".repeat(100)}</row>`,
      times: SPREADSHEET_LIMITS.cells / 100 + 1,
      tail: SHEET_TAIL,
    });
    expect(await readFirstSheet(xlsxOf({ sheets: [[sheet1, cells]] }), { rows: 20_000 })).toEqual({
      ok: false,
      reason: "tooLarge",
    });
    const strings = deflatedRepeat("xl/sharedStrings.xml", {
      head: STRINGS_HEAD,
      block: "<si><t>a</t></si>",
      times: SPREADSHEET_LIMITS.cells + 1,
      tail: STRINGS_TAIL,
    });
    expect(
      await readFirstSheet(xlsxOf({ sheets: [[sheet1, sheetOf([["a"]])]], strings }), {
        rows: 10,
      }),
    ).toEqual({ ok: false, reason: "tooLarge" });
  });

  it("counts what a part unpacks to: a lying size is caught while inflating, an honest one before", async () => {
    const bomb = (declared?: number) =>
      deflatedRepeat(
        "xl/sharedStrings.xml",
        {
          head: `${STRINGS_HEAD}<si><t>`,
          block: "a".repeat(1024 * 1024),
          times: 100,
          tail: `</t></si>${STRINGS_TAIL}`,
        },
        declared,
      );
    for (const strings of [bomb(100), bomb()]) {
      const started = performance.now();
      expect(
        await readFirstSheet(xlsxOf({ sheets: [[sheet1, sheetOf([["a"]])]], strings }), {
          rows: 10,
        }),
      ).toEqual({ ok: false, reason: "tooLarge" });
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });
});
