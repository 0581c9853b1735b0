import ExcelJS from "exceljs";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { makeHarvest } from "../../test/harvest.ts";
import { deflatedRepeat, SHEET_HEAD, SHEET_TAIL, xlsxOf } from "../../test/xlsxFiles.ts";
import {
  CONTRIBUTION_IMPORT_LIMITS,
  importContributions,
  readContributionsCsv,
  readContributionsFile,
  unpackPayload,
} from "./importContributions.ts";
import { previewContributionImport } from "./previewContributionImport.ts";
import { contributionCounts, listContributions, NO_FILTERS } from "./queries.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const bytes = (s: string) => new TextEncoder().encode(s);

async function xlsx(rows: (string | number)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Bijdragen");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("reading a contributions file", () => {
  it("reads Dutch headers with semicolons and English ones with commas, in any order", () => {
    const nl = readContributionsCsv(
      "\uFEFFTekst;Soort;Sector;Bron;Thema;Tags;Telefoon\r\nMeer stages;idee;Mbo-instelling;Sessie 2;Leercultuur;stages, wijk;06\r\n",
    );
    expect(nl).toEqual({
      ok: true,
      value: {
        rows: [
          [2, "Meer stages", "idee", "Mbo-instelling", "Sessie 2", "Leercultuur", "stages, wijk"],
        ],
        ignoredColumns: ["Telefoon"],
      },
    });
    const en = readContributionsCsv('tags,source,text\n"a, b",Session 1,"Time, money"\n');
    expect(en).toMatchObject({
      ok: true,
      value: { rows: [[2, "Time, money", "", "", "Session 1", "", "a, b"]] },
    });
  });

  it("refuses a file without a text column, an empty file, and unreadable CSV", () => {
    expect(readContributionsCsv("naam;sector\nAnna;mbo\n")).toMatchObject({
      ok: false,
      error: { key: "harvest.import.noTextColumn" },
    });
    expect(readContributionsCsv("tekst\n\n \n")).toMatchObject({
      ok: false,
      error: { key: "harvest.import.empty" },
    });
    expect(readContributionsCsv("   ")).toMatchObject({
      ok: false,
      error: { key: "harvest.import.empty" },
    });
  });

  it("refuses more than 20,000 rows and more than 5 MB with a clear message", async () => {
    const many = "tekst\n" + "Nog een idee\n".repeat(CONTRIBUTION_IMPORT_LIMITS.rows + 1);
    expect(readContributionsCsv(many)).toEqual({
      ok: false,
      kind: "invalid",
      error: { key: "harvest.import.tooManyRows", values: { max: 20_000 } },
    });
    const exactly = "tekst\n" + "Nog een idee\n".repeat(CONTRIBUTION_IMPORT_LIMITS.rows);
    expect(readContributionsCsv(exactly).ok).toBe(true);
    const huge = bytes("tekst\n" + "x".repeat(CONTRIBUTION_IMPORT_LIMITS.bytes));
    expect(await readContributionsFile(huge)).toEqual({
      ok: false,
      kind: "invalid",
      error: { key: "harvest.import.tooLarge", values: { max: "5 MB" } },
    });
    const manyRows = await xlsx([
      ["text"],
      ...Array.from({ length: 20_001 }, (_, i) => [`idee ${i}`]),
    ]);
    expect(await readContributionsFile(manyRows)).toMatchObject({
      ok: false,
      error: { key: "harvest.import.tooManyRows" },
    });
  });

  it("reads the first sheet of an Excel workbook, and refuses a broken one or one that unpacks too large", async () => {
    const file = await xlsx([
      ["Text", "Kind", "Sector"],
      ["Een droom", "Dream", "hbo"],
      [],
      ["Getal", "", ""],
      [12345, "vraag", ""],
    ]);
    expect(await readContributionsFile(file)).toEqual({
      ok: true,
      value: {
        rows: [
          [2, "Een droom", "Dream", "hbo", "", "", ""],
          [4, "Getal", "", "", "", "", ""],
          [5, "12345", "vraag", "", "", "", ""],
        ],
        ignoredColumns: [],
      },
    });
    const broken = new Uint8Array(file.slice(0, 200));
    expect(await readContributionsFile(broken)).toMatchObject({
      ok: false,
      error: { key: "harvest.import.unreadableXlsx" },
    });
    // A zip whose directory declares more than the limit unpacked is refused before unpacking it.
    const bomb = new Uint8Array(file);
    const view = new DataView(bomb.buffer);
    for (let i = 0; i < bomb.length - 4; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0x7fffffff, true);
    }
    expect(await readContributionsFile(bomb)).toMatchObject({
      ok: false,
      error: { key: "harvest.import.tooLarge" },
    });
  });

  it("refuses a zip bomb by the bytes it unpacks to, not the size it declares, within seconds", async () => {
    // One cell of 1.5 GB of text, in a file of under 4 MB that declares its sheet is 4 kB.
    const sheet = deflatedRepeat(
      "xl/worksheets/sheet1.xml",
      {
        head: `${SHEET_HEAD}<row r="1"><c t="inlineStr"><is><t>tekst</t></is></c></row><row r="2"><c t="inlineStr"><is><t>`,
        block: "Meer stageplekken in de wijk. ".repeat(35_000),
        times: 1500,
        tail: `</t></is></c></row>${SHEET_TAIL}`,
      },
      4096,
    );
    const bomb = xlsxOf({ sheets: [["xl/worksheets/sheet1.xml", sheet]] });
    expect(bomb.length).toBeLessThan(CONTRIBUTION_IMPORT_LIMITS.bytes);
    const started = performance.now();
    expect(await readContributionsFile(bomb)).toEqual({
      ok: false,
      kind: "invalid",
      error: { key: "harvest.import.tooLarge", values: { max: "5 MB" } },
    });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("stops reading an Excel sheet at the row after the limit", async () => {
    const rows = (from: number, to: number) =>
      Array.from(
        { length: to - from + 1 },
        (_, i) =>
          `<row r="${from + i}"><c t="inlineStr"><is><t>Idee ${from + i}</t></is></c></row>`,
      ).join("");
    const header = '<row r="1"><c t="inlineStr"><is><t>tekst</t></is></c></row>';
    // 25,000 rows, and past row 22,000 the XML is broken: reading all of it would end there.
    const broken = xlsxOf({
      sheets: [
        [
          "xl/worksheets/sheet1.xml",
          `${SHEET_HEAD}${header}${rows(2, 22_000)}<row r="22001"><c <<${rows(22_002, 25_000)}${SHEET_TAIL}`,
        ],
      ],
    });
    const tooMany = {
      ok: false,
      kind: "invalid",
      error: { key: "harvest.import.tooManyRows", values: { max: 20_000 } },
    };
    let started = performance.now();
    expect(await readContributionsFile(broken)).toEqual(tooMany);
    expect(performance.now() - started).toBeLessThan(3000);
    const whole = xlsxOf({
      sheets: [
        ["xl/worksheets/sheet1.xml", `${SHEET_HEAD}${header}${rows(2, 25_000)}${SHEET_TAIL}`],
      ],
    });
    started = performance.now();
    expect(await readContributionsFile(whole)).toEqual(tooMany);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("refuses a tampered or damaged preview", () => {
    expect(unpackPayload("not base64 gzip")).toMatchObject({
      ok: false,
      error: { key: "harvest.import.startAgain" },
    });
    const wrongShape = gzipSync(JSON.stringify({ v: 1, ignored: [], rows: [["x"]] })).toString(
      "base64",
    );
    expect(unpackPayload(wrongShape)).toMatchObject({ ok: false });
    expect(unpackPayload(undefined)).toMatchObject({
      ok: false,
      error: { key: "harvest.import.noInput" },
    });
  });
});

describe("importing contributions", () => {
  const csv = [
    "tekst;soort;sector;bron;thema;tags",
    "Meer stageplekken in de wijk;idee;Mbo-instelling;Sessie 2;Leercultuur;stages, wijk",
    ";droom;;;;",
    "Een wens;wens;bank;;;",
    `${"x".repeat(4001)};;;;;`,
    "<script>alert(1)</script>;Question;;Sessie 3;;",
    "",
    `Tags te lang;;;;;${"t".repeat(61)}`,
  ].join("\n");

  it("previews every row with its errors and writes nothing until accepted", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const harvest = await makeHarvest(scope);
    const preview = await previewContributionImport(scope, harvest.id, { bytes: bytes(csv) });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const { rows, counts } = preview.value;
    expect(counts).toEqual({ import: 2, skip: 4, duplicate: 0 });
    expect(rows.map((r) => [r.row, r.action])).toEqual([
      [2, "import"],
      [3, "skip"],
      [4, "skip"],
      [5, "skip"],
      [6, "import"],
      [8, "skip"],
    ]);
    expect(rows[0]).toMatchObject({
      text: "Meer stageplekken in de wijk",
      kind: "idea",
      sector: "mbo",
      source: "Sessie 2",
      theme: "Leercultuur",
      tags: ["stages", "wijk"],
    });
    expect(rows[1]!.errors).toEqual([{ column: "text", message: { key: "validation.required" } }]);
    expect(rows[2]!.errors).toEqual([
      { column: "kind", message: { key: "harvest.import.unknownKind", values: { value: "wens" } } },
      {
        column: "sector",
        message: { key: "harvest.import.unknownSector", values: { value: "bank" } },
      },
    ]);
    expect(rows[3]!.errors).toEqual([
      { column: "text", message: { key: "validation.tooLong", values: { max: 4000 } } },
    ]);
    expect(rows[5]!.errors).toEqual([
      { column: "tags", message: { key: "validation.tooLong", values: { max: 60 } } },
    ]);
    // Nothing is stored by a preview.
    expect((await contributionCounts(scope, harvest.id)).total).toBe(0);

    const done = await importContributions(scope, harvest.id, preview.value.payload);
    expect(done).toEqual({ ok: true, value: { imported: 2, skipped: 4, duplicates: 0 } });
    const { contributions } = await listContributions(scope, harvest.id, NO_FILTERS);
    expect(contributions.map((c) => [c.text, c.kind, c.origin, c.sourceLabel])).toEqual([
      ["Meer stageplekken in de wijk", "idea", "import", "Sessie 2"],
      ["<script>alert(1)</script>", "question", "import", "Sessie 3"],
    ]);

    // The same file again: every good row was imported before.
    const again = await previewContributionImport(scope, harvest.id, { bytes: bytes(csv) });
    expect(again).toMatchObject({
      ok: true,
      value: { counts: { import: 0, skip: 4, duplicate: 2 } },
    });
    if (!again.ok) return;
    expect(await importContributions(scope, harvest.id, again.value.payload)).toEqual({
      ok: true,
      value: { imported: 0, skipped: 4, duplicates: 2 },
    });
    expect((await contributionCounts(scope, harvest.id)).total).toBe(2);
  });

  it("imports an Excel file in the same way", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const harvest = await makeHarvest(scope);
    const file = await xlsx([
      ["Tekst", "Soort", "Sector", "Tags"],
      ["Samen leren werkt", "droom", "Hogeschool (hbo)", "samen"],
    ]);
    const preview = await previewContributionImport(scope, harvest.id, { bytes: file });
    expect(preview).toMatchObject({ ok: true, value: { counts: { import: 1, skip: 0 } } });
    if (!preview.ok) return;
    expect(await importContributions(scope, harvest.id, preview.value.payload)).toMatchObject({
      ok: true,
      value: { imported: 1 },
    });
    expect((await listContributions(scope, harvest.id, NO_FILTERS)).contributions[0]).toMatchObject(
      {
        text: "Samen leren werkt",
        kind: "dream",
        sector: "hbo",
        tags: ["samen"],
      },
    );
  });

  it("is for organisers of the harvest's own region only", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const harvest = await makeHarvest(scope);
    const preview = await previewContributionImport(scope, harvest.id, {
      bytes: bytes("tekst\nIdee\n"),
    });
    if (!preview.ok) throw new Error("no preview");
    const other = await makeScope(t.db, "admin");
    expect(await importContributions(other.scope, harvest.id, preview.value.payload)).toMatchObject(
      {
        ok: false,
        error: { key: "errors.notFound" },
      },
    );
    expect(
      await importContributions(
        { ...scope, role: "facilitator" },
        harvest.id,
        preview.value.payload,
      ),
    ).toMatchObject({ ok: false, error: { key: "errors.forbidden" } });
    expect((await contributionCounts(scope, harvest.id)).total).toBe(0);
  });
});
