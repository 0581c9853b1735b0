import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { addPerson } from "./addPerson.ts";
import { createOrganisation } from "./createOrganisation.ts";
import { erasePerson } from "./erasePerson.ts";
import { exportPeopleCsv, exportPeopleXlsx } from "./exportPeople.ts";
import { parsePeopleCsv } from "./importPeople.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const all = { q: "", organisationId: "", sector: "", perspective: "", erased: false } as const;

async function region() {
  const { scope, region } = await makeScope(t.db, "organiser");
  const org = await createOrganisation(scope, { name: "ROC Nijmegen", sector: "mbo" });
  if (!org.ok) throw new Error("setup");
  await addPerson(scope, {
    name: "Lotte",
    email: "lotte@example.org",
    organisationId: org.value.id,
    perspectives: ["education", "work"],
    expertise: "techniek, zorg",
  });
  await addPerson(scope, { name: '=HYPERLINK("http://evil")', expertise: "-1" });
  const gone = await addPerson(scope, { name: "Gewist", email: "gewist@example.org" });
  if (gone.ok) await erasePerson(scope, gone.value.id, { confirmed: true });
  return { scope, region };
}

function text(body: Uint8Array) {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(body);
}

describe("exporting people", () => {
  it("writes CSV with headers in the reader's language: semicolons in Dutch, commas in English", async () => {
    const { scope, region: r } = await region();
    const nl = await exportPeopleCsv(scope, all, "nl");
    if (!nl.ok) throw new Error("export");
    expect(nl.value.contentType).toBe("text/csv; charset=utf-8");
    expect(nl.value.fileName).toMatch(new RegExp(`^mensen-${r.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = text(nl.value.body);
    expect(csv.startsWith("\uFEFFNaam;E-mail;Organisatie;Sector;Perspectieven;Expertise\r\n")).toBe(
      true,
    );
    expect(csv).toContain(
      "Lotte;lotte@example.org;ROC Nijmegen;Mbo-instelling;Werk, Onderwijs en studie;techniek, zorg",
    );
    expect(csv).not.toContain("Gewist");

    const en = await exportPeopleCsv(scope, all, "en");
    if (!en.ok) throw new Error("export");
    expect(en.value.fileName).toMatch(/^people-/);
    const rows = parse(text(en.value.body), { bom: true });
    expect(rows[0]).toEqual([
      "Name",
      "E-mail",
      "Organisation",
      "Sector",
      "Perspectives",
      "Expertise",
    ]);
    expect(rows).toContainEqual([
      "Lotte",
      "lotte@example.org",
      "ROC Nijmegen",
      "Vocational school (mbo)",
      "Work, Education and study",
      "techniek, zorg",
    ]);
  });

  it("guards values that a spreadsheet would run as a formula", async () => {
    const { scope } = await region();
    const result = await exportPeopleCsv(scope, all, "en");
    if (!result.ok) throw new Error("export");
    const rows: string[][] = parse(text(result.value.body), { bom: true });
    const row = rows.find((r) => r[0]?.includes("HYPERLINK"));
    expect(row?.[0]).toBe('\'=HYPERLINK("http://evil")');
    expect(row?.[5]).toBe("'-1");
  });

  it("exports only what the filters match", async () => {
    const { scope } = await region();
    const result = await exportPeopleCsv(scope, { ...all, sector: "mbo" }, "nl");
    if (!result.ok) throw new Error("export");
    const lines = text(result.value.body).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Lotte;/);
  });

  it("can be imported again, in either language", async () => {
    const { scope } = await region();
    for (const locale of ["nl", "en"] as const) {
      const exported = await exportPeopleCsv(scope, all, locale);
      if (!exported.ok) throw new Error("export");
      const parsed = parsePeopleCsv(text(exported.value.body));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.value.rows.every((r) => r.errors.length === 0)).toBe(true);
      expect(parsed.value.rows.find((r) => r.name === "Lotte")).toMatchObject({
        email: "lotte@example.org",
        organisation: "ROC Nijmegen",
        sector: "mbo",
        perspectives: ["work", "education"],
        expertise: ["techniek", "zorg"],
      });
      expect(parsed.value.rows.find((r) => r.name.includes("HYPERLINK"))?.name).toBe(
        '=HYPERLINK("http://evil")',
      );
    }
  });

  it("writes an Excel workbook with a header row and guarded text cells", async () => {
    const { scope } = await region();
    const result = await exportPeopleXlsx(scope, all, "nl");
    if (!result.ok) throw new Error("export");
    expect(result.value.fileName).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.value.body) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Mensen");
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "Naam",
      "E-mail",
      "Organisatie",
      "Sector",
      "Perspectieven",
      "Expertise",
    ]);
    const values = [2, 3].map((n) => sheet?.getRow(n).getCell(1).value);
    expect(values).toContain("Lotte");
    expect(values).toContain('\'=HYPERLINK("http://evil")');
    expect(sheet?.rowCount).toBe(3);
  });

  it("is for organisers only", async () => {
    const { scope } = await makeScope(t.db, "facilitator");
    expect(await exportPeopleCsv(scope as RegionScope, all, "nl")).toMatchObject({
      ok: false,
      error: { key: "errors.forbidden" },
    });
  });
});
