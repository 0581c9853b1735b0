import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeSessionWithAnswers } from "../../test/dialogueResults.ts";
import { makeScope } from "../../test/fixtures.ts";
import { exportResultsCsv, exportResultsXlsx } from "../dialogue/exportResults.ts";
import { createEvent } from "../events/createEvent.ts";
import { setEventStatus } from "../events/setEventStatus.ts";
import { exportRegistrationsCsv, exportRegistrationsXlsx } from "../events/exportRegistrations.ts";
import { register } from "../events/register.ts";
import { addContribution } from "../harvest/addContribution.ts";
import { createHarvest } from "../harvest/createHarvest.ts";
import { exportContributionsCsv } from "../harvest/exportContributions.ts";
import { NO_FILTERS } from "../harvest/queries.ts";
import { addPerson } from "../people/addPerson.ts";
import { exportPeopleCsv, exportPeopleXlsx } from "../people/exportPeople.ts";
import { csvFile, guardFormula, unguardFormula, xlsxFile, type TableFile } from "./tableFile.ts";
import { toLocalInput } from "./time.ts";

const EVIL = '=HYPERLINK("http://evil.example","klik")';

/** The rows of a CSV file, read with the delimiter its first line uses. */
function csvRows(file: TableFile): string[][] {
  const text = new TextDecoder().decode(file.body);
  const header = text.slice(0, text.indexOf("\r\n"));
  return parse(text, { bom: true, delimiter: header.includes(";") ? ";" : "," });
}

async function sheets(file: TableFile) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.body) as unknown as ExcelJS.Buffer);
  return workbook.worksheets;
}

/** Every cell of every sheet: none may be a formula, and none may start like one. */
async function xlsxCells(file: TableFile) {
  const cells: ExcelJS.Cell[] = [];
  for (const sheet of await sheets(file))
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
  return cells;
}

function expectInertCsv(file: TableFile, guarded: string) {
  const cells = csvRows(file).flat();
  expect(cells).toContain(guarded);
  expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
}

async function expectInertXlsx(file: TableFile, guarded: string) {
  const cells = await xlsxCells(file);
  expect(cells.map((c) => c.value)).toContain(guarded);
  expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
  expect(cells.filter((c) => typeof c.value === "string" && /^[=+\-@\t\r]/.test(c.value))).toEqual(
    [],
  );
}

describe("the formula guard", () => {
  it("prefixes text that starts like a formula, and an import takes the prefix off again", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(guardFormula(`${start}1+1`)).toBe(`'${start}1+1`);
      expect(unguardFormula(guardFormula(`${start}1+1`))).toBe(`${start}1+1`);
    }
    expect(guardFormula("gewoon tekst")).toBe("gewoon tekst");
    expect(guardFormula("'al een apostrof")).toBe("'al een apostrof");
  });
});

describe("csvFile", () => {
  it("writes semicolons for Dutch, commas for English, a byte order mark, and inert formulas", () => {
    const rows = [
      ["Naam", "Getal"],
      [EVIL, 3],
      ["Lotte", -2],
    ];
    const nl = csvFile(rows, { locale: "nl" });
    expect(nl.contentType).toBe("text/csv; charset=utf-8");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(nl.body);
    expect(text.startsWith("\uFEFFNaam;Getal\r\n")).toBe(true);
    expect(text).toContain("Lotte;-2\r\n");
    expect(csvRows(nl)[1]).toEqual([`'${EVIL}`, "3"]);
    const en = new TextDecoder().decode(csvFile(rows, { locale: "en" }).body);
    expect(en).toContain("Naam,Getal\r\n");
  });
});

describe("xlsxFile", () => {
  it("writes text cells that cannot run, numbers as numbers, a header row in view", async () => {
    const file = await xlsxFile(
      [
        {
          name: "Blad",
          columns: [
            { header: "Naam", width: 20 },
            { header: "Getal", width: 10 },
          ],
          rows: [
            [EVIL, 3],
            ["@SUM(A1)", -2],
          ],
        },
      ],
      { creator: "test" },
    );
    const [sheet] = await sheets(file);
    expect(sheet?.name).toBe("Blad");
    expect(sheet?.getRow(1).values).toEqual([undefined, "Naam", "Getal"]);
    expect(sheet?.getRow(2).values).toEqual([undefined, `'${EVIL}`, 3]);
    expect(sheet?.getRow(3).values).toEqual([undefined, "'@SUM(A1)", -2]);
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    await expectInertXlsx(file, `'${EVIL}`);
  });
});

describe("every export writes through the guard", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("people, as CSV and as a workbook", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    await addPerson(scope, { name: EVIL, expertise: "+31 6" });
    const all = { q: "", organisationId: "", sector: "", perspective: "", erased: false } as const;
    const csv = await exportPeopleCsv(scope, all, "nl");
    const xlsx = await exportPeopleXlsx(scope, all, "en");
    if (!csv.ok || !xlsx.ok) throw new Error("export refused");
    expectInertCsv(csv.value, `'${EVIL}`);
    expect(csvRows(csv.value).flat()).toContain("'+31 6");
    await expectInertXlsx(xlsx.value, `'${EVIL}`);
  });

  it("a harvest's contributions: '=1+1' comes out as text", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const harvest = await createHarvest(scope, { title: "Oogst formules" });
    if (!harvest.ok) throw new Error("setup");
    const added = await addContribution(scope, harvest.value.id, {
      text: "=1+1",
      kind: "idea",
      sourceLabel: "-bron",
    });
    if (!added.ok) throw new Error(JSON.stringify(added));
    const csv = await exportContributionsCsv(scope, harvest.value.id, NO_FILTERS, "nl");
    if (!csv.ok) throw new Error("export refused");
    expectInertCsv(csv.value, "'=1+1");
    expect(csvRows(csv.value).flat()).toContain("'-bron");
  });

  it("an event's registrations, as CSV and as a workbook", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const start = new Date(Date.now() + 10 * 24 * 3600 * 1000);
    const event = await createEvent(scope, {
      title: "Formules in de zaal",
      kind: "knowledge_session",
      mode: "on_site",
      address: "Ruitenberglaan 26, Arnhem",
      startsAt: toLocalInput(start),
      endsAt: toLocalInput(new Date(start.getTime() + 3600 * 1000)),
      capacity: "10",
    });
    if (!event.ok) throw new Error(JSON.stringify(event));
    await setEventStatus(scope, event.value.id, "published");
    const registered = await register(
      t.db,
      event.value.id,
      { name: "Eva", email: "eva@example.org", organisation: EVIL, consent: "on" },
      { publicUrl: "http://lr.test", language: "nl" },
    );
    if (!registered.ok) throw new Error(JSON.stringify(registered));
    const csv = await exportRegistrationsCsv(scope, event.value.id, {}, "nl");
    const xlsx = await exportRegistrationsXlsx(scope, event.value.id, {}, "en");
    if (!csv.ok || !xlsx.ok) throw new Error("export refused");
    expectInertCsv(csv.value, `'${EVIL}`);
    await expectInertXlsx(xlsx.value, `'${EVIL}`);
  });

  it("a session's results, as CSV and as a workbook", async () => {
    const { scope } = await makeScope(t.db, "facilitator");
    const { sessionId } = await makeSessionWithAnswers(scope);
    const csv = await exportResultsCsv(scope, sessionId);
    const xlsx = await exportResultsXlsx(scope, sessionId);
    if (!csv.ok || !xlsx.ok) throw new Error("export refused");
    expectInertCsv(csv.value, "'=som(a1)");
    await expectInertXlsx(xlsx.value, "'=som(a1)");
  });
});
