import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { addPerson } from "./addPerson.ts";
import { createOrganisation } from "./createOrganisation.ts";
import { decodeUpload } from "../kernel/tableFile.ts";
import { IMPORT_LIMITS, importPeople, parsePeopleCsv, previewImport } from "./importPeople.ts";
import { listOrganisations, listPeople } from "./queries.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const all = { q: "", organisationId: "", sector: "", perspective: "", erased: false } as const;

describe("reading a people file", () => {
  it("reads Dutch headers with semicolons, labels for sectors and perspectives, lists in cells", () => {
    const csv =
      "\uFEFFNaam;E-mail;Organisatie;Sector;Perspectieven;Expertise\r\n" +
      "Anna de Vries;Anna@Example.org;Gemeente Arnhem;Gemeente of andere overheid;Beleid, werk;wijkaanpak, zorg\r\n" +
      '"Jansen; Sem";;ROC;mbo;Onderwijs en studie;"techniek"\r\n';
    const result = parsePeopleCsv(csv);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.rows).toEqual([
      {
        row: 2,
        name: "Anna de Vries",
        email: "anna@example.org",
        organisation: "Gemeente Arnhem",
        sector: "government",
        perspectives: ["work", "policy"],
        expertise: ["wijkaanpak", "zorg"],
        errors: [],
      },
      {
        row: 3,
        name: "Jansen; Sem",
        email: null,
        organisation: "ROC",
        sector: "mbo",
        perspectives: ["education"],
        expertise: ["techniek"],
        errors: [],
      },
    ]);
  });

  it("reads English headers with commas, in any order, and names unknown columns", () => {
    const csv =
      'email,name,perspectives,telephone\nbo@example.org,Bo,"Research, Living",0612345678\n';
    const result = parsePeopleCsv(csv);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.ignoredColumns).toEqual(["telephone"]);
    expect(result.value.rows[0]).toMatchObject({
      name: "Bo",
      email: "bo@example.org",
      perspectives: ["research", "living"],
      organisation: null,
    });
  });

  it("lists the errors of each row, numbered as a spreadsheet numbers rows", () => {
    const csv = [
      "naam;e-mail;sector;perspectieven;organisatie",
      ";leeg@example.org;;;",
      "Geen Adres;geen adres;;;",
      "Verkeerd;v@example.org;bank;astrologie;Bank",
      "",
      "Dubbel;LEEG@example.org;;;",
      "Goed;goed@example.org;hbo;onderzoek;HAN",
    ].join("\n");
    const result = parsePeopleCsv(csv);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const errors = result.value.rows.map((r) => [
      r.row,
      r.errors.map((e) => [e.column, e.message.key]),
    ]);
    expect(errors).toEqual([
      [2, [["name", "validation.required"]]],
      [3, [["email", "validation.email"]]],
      [
        4,
        [
          ["sector", "peopleImport.unknownSector"],
          ["perspectives", "peopleImport.unknownPerspective"],
        ],
      ],
      [6, [["email", "peopleImport.duplicateInFile"]]],
      [7, []],
    ]);
    expect(result.value.rows[3]?.errors[0]?.message.values).toEqual({ row: 2 });
  });

  it("refuses a file without a name column, an empty file, and a broken one, as a whole", () => {
    expect(parsePeopleCsv("email;organisatie\na@example.org;X\n")).toMatchObject({
      ok: false,
      error: { key: "peopleImport.noNameColumn" },
    });
    expect(parsePeopleCsv("\uFEFF  \n")).toMatchObject({
      ok: false,
      error: { key: "peopleImport.empty" },
    });
    expect(parsePeopleCsv("naam;e-mail\n")).toMatchObject({
      ok: false,
      error: { key: "peopleImport.empty" },
    });
    expect(parsePeopleCsv('naam;e-mail\n"open;a@example.org\n')).toMatchObject({
      ok: false,
      error: { key: "peopleImport.unreadable" },
    });
  });

  it("refuses more than 5,000 rows and more than 2 MB with a message saying so", () => {
    const rows = Array.from({ length: IMPORT_LIMITS.rows + 1 }, (_, i) => `Persoon ${i}`);
    expect(parsePeopleCsv(["naam", ...rows].join("\n"))).toMatchObject({
      ok: false,
      error: { key: "peopleImport.tooManyRows", values: { max: 5000 } },
    });
    expect(parsePeopleCsv("naam\n" + "x".repeat(IMPORT_LIMITS.bytes))).toMatchObject({
      ok: false,
      error: { key: "peopleImport.tooLarge" },
    });
  });

  it("takes back the apostrophe an export put before a formula-like value", () => {
    const result = parsePeopleCsv("naam;expertise\n'=Iemand;'+zorg\n");
    expect(result.ok && result.value.rows[0]).toMatchObject({
      name: "=Iemand",
      expertise: ["+zorg"],
    });
  });

  it("decodes UTF-8 and, failing that, the Windows-1252 of Excel's plain CSV", () => {
    expect(decodeUpload(new TextEncoder().encode("naam\nJosé"))).toBe("naam\nJosé");
    expect(decodeUpload(new Uint8Array([0x4a, 0x6f, 0x73, 0xe9]))).toBe("José");
  });
});

describe("importing people", () => {
  it("previews without writing, then imports valid rows, updates known addresses, creates organisations", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    await createOrganisation(scope, { name: "Gemeente Arnhem", sector: "government" });
    const known = await addPerson(scope, {
      name: "Oude Naam",
      email: "known@example.org",
      perspectives: ["work"],
      expertise: "bestaand",
    });
    if (!known.ok) throw new Error("setup");
    const csv = [
      "naam;e-mail;organisatie;sector;perspectieven;expertise",
      "Nieuwe Naam;KNOWN@example.org;gemeente arnhem;;;",
      "Nieuw Persoon;new@example.org;Buurtkracht;Bewonersinitiatief;Wonen en leven;buurt",
      "Ook Buurtkracht;;BUURTKRACHT;;;",
      "Fout;geen-adres;;;;",
    ].join("\n");

    const preview = await previewImport(scope, csv);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.counts).toEqual({ create: 2, update: 1, skip: 1 });
    expect(preview.value.newOrganisations).toEqual([{ name: "Buurtkracht", sector: "residents" }]);
    expect(preview.value.rows.map((r) => [r.action, r.organisationIsNew])).toEqual([
      ["update", false],
      ["create", true],
      ["create", true],
      ["skip", false],
    ]);
    expect((await listPeople(scope, all)).total).toBe(1);
    expect(await listOrganisations(scope)).toHaveLength(1);

    const result = await importPeople(scope, csv);
    expect(result).toEqual({
      ok: true,
      value: { created: 2, updated: 1, skipped: 1, organisations: 1 },
    });
    const people = (await listPeople(scope, all)).people;
    expect(
      people.map((p) => [
        p.name,
        p.email,
        p.organisation?.name ?? null,
        p.perspectives,
        p.expertise,
      ]),
    ).toEqual([
      ["Nieuw Persoon", "new@example.org", "Buurtkracht", ["living"], ["buurt"]],
      // Empty cells leave what was known; filled cells replace it.
      ["Nieuwe Naam", "known@example.org", "Gemeente Arnhem", ["work"], ["bestaand"]],
      ["Ook Buurtkracht", null, "Buurtkracht", [], []],
    ]);
    expect((await listOrganisations(scope)).map((o) => [o.name, o.sector])).toEqual([
      ["Buurtkracht", "residents"],
      ["Gemeente Arnhem", "government"],
    ]);
  });

  it("never touches another region: its addresses and organisations are unknown here", async () => {
    const a = await makeScope(t.db, "organiser");
    const b = await makeScope(t.db, "organiser");
    await createOrganisation(b.scope, { name: "Van B", sector: "company" });
    await addPerson(b.scope, { name: "B Persoon", email: "b@example.org" });
    const result = await importPeople(
      a.scope,
      "name,email,organisation\nA Persoon,b@example.org,Van B\n",
    );
    expect(result).toMatchObject({ ok: true, value: { created: 1, updated: 0, organisations: 1 } });
    expect((await listPeople(b.scope, all)).people.map((p) => p.name)).toEqual(["B Persoon"]);
  });

  it("is for organisers only", async () => {
    const { scope } = await makeScope(t.db, "facilitator");
    expect(await previewImport(scope, "naam\nX\n")).toMatchObject({
      ok: false,
      error: { key: "errors.forbidden" },
    });
    expect(await importPeople(scope, "naam\nX\n")).toMatchObject({
      ok: false,
      error: { key: "errors.forbidden" },
    });
  });
});
