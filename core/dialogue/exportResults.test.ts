import { parse } from "csv-parse/sync";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeSessionWithAnswers } from "../../test/dialogueResults.ts";
import { makeScope } from "../../test/fixtures.ts";
import { exportResultsCsv, exportResultsDocx, exportResultsXlsx } from "./exportResults.ts";
import { sessionResults } from "./queries.ts";
import { sessionDate } from "./resultsText.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

async function documentText(body: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file("word/document.xml")!.async("string");
  return xml.replace(/<w:p[ >]/g, "\n$&").replace(/<[^>]+>/g, "");
}

describe("exports of a session's results", () => {
  it("writes one CSV row per answer, in readable words, with names or 'anoniem'", async () => {
    const { scope } = await makeScope(t.db, "facilitator");
    const { sessionId } = await makeSessionWithAnswers(scope);
    const result = await exportResultsCsv(scope, sessionId);
    if (!result.ok) throw new Error("export refused");
    expect(result.value.fileName).toMatch(/^uitkomsten-kennissessie-arnhem-\d{4}-\d\d-\d\d\.csv$/);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(result.value.body);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows: string[][] = parse(text.slice(1), { delimiter: ";" });
    expect(rows[0]).toEqual([
      "Thema",
      "Vraag",
      "Soort vraag",
      "Deelnemer",
      "Sector",
      "Antwoord",
      "Verborgen",
      "Thema van het antwoord",
    ]);
    expect(rows).toHaveLength(1 + 24);
    const find = (q: string, who: string) => rows.find((r) => r[1] === q && r[3] === who)!;
    expect(find("Welke vorm?", "Sanne")).toEqual([
      "Keuzes",
      "Welke vorm?",
      "één keuze",
      "Sanne",
      "Mbo-instelling",
      "Werkplaats",
      "nee",
      "",
    ]);
    expect(find("Wie doen mee?", "Sanne")[5]).toBe("Studenten, Docenten");
    expect(find("Welke trede?", "Ahmed")[5]).toBe("Nu: 3, gewenst: 5");
    expect(find("Wat eerst?", "anoniem")[5]).toBe("1. Geld; 2. Tijd");
    expect(find("Wat valt op?", "Ahmed").slice(5)).toEqual(["Geheim antwoord", "ja", ""]);
    expect(find("Wat valt op?", "Sanne").slice(5)).toEqual([
      "Meer stages in de zorg",
      "nee",
      "Stages",
    ]);
    // A word that looks like a formula is written as text.
    expect(find("Drie woorden", "anoniem")[5]).toBe("'=som(a1)");
  });

  it("credits a group's answer to the group, not its scribe, in the figures per sector and the CSV (issue 15, point 6)", async () => {
    const { scope } = await makeScope(t.db, "facilitator");
    const { sessionId, participants } = await makeSessionWithAnswers(scope);
    // Sanne (mbo) is the scribe of group 1 with Ahmed (hbo); the anonymous one is in group 2.
    for (const [i, groupNo] of [1, 1, 2].entries())
      await t.db
        .updateTable("dialogue_participants")
        .set({ group_no: groupNo, is_scribe: i !== 1 })
        .where("id", "=", participants[i]!)
        .execute();
    const results = (await sessionResults(scope, sessionId))!;
    const ladder = results.questions.find((q) => q.question.id === "ladder")!.results;
    expect(Object.keys(ladder.bySector)).toEqual(["group"]);
    expect(ladder.bySector.group!.count).toBe(3);
    // An individual question keeps each person's own sector.
    const single = results.questions.find((q) => q.question.id === "single")!.results;
    expect(Object.keys(single.bySector).sort()).toEqual(["hbo", "mbo"]);

    const csv = await exportResultsCsv(scope, sessionId);
    if (!csv.ok) throw new Error("export refused");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(csv.value.body);
    const rows: string[][] = parse(text.slice(1), { delimiter: ";" });
    const ladderRows = rows.filter((r) => r[1] === "Welke trede?");
    expect(ladderRows.map((r) => r.slice(3, 5))).toEqual([
      ["Groep 1", "Hogeschool (hbo), Mbo-instelling"],
      ["Groep 1", "Hogeschool (hbo), Mbo-instelling"],
      ["Groep 2", ""],
    ]);
    expect(rows.find((r) => r[1] === "Welke vorm?" && r[3] === "Sanne")![4]).toBe("Mbo-instelling");
  });

  it("writes answers and figures per question to two sheets of a workbook", async () => {
    const { scope } = await makeScope(t.db, "facilitator");
    const { sessionId } = await makeSessionWithAnswers(scope, {
      language: "en",
      title: "Café Één",
    });
    const result = await exportResultsXlsx(scope, sessionId);
    if (!result.ok) throw new Error("export refused");
    expect(result.value.fileName).toMatch(/^results-cafe-een-\d{4}-\d\d-\d\d\.xlsx$/);
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(result.value.body as unknown as ArrayBuffer);
    const answers = workbook.getWorksheet("Answers")!;
    expect(answers.rowCount).toBe(25);
    const values = (ws: typeof answers) =>
      ws
        .getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[]).slice(1));
    expect(values(answers)).toContainEqual([
      "The cycle",
      "Which step?",
      "ambition ladder",
      "anonymous",
      "",
      "Now: 2, desired: 4",
      "no",
      "",
    ]);
    const figures = values(workbook.getWorksheet("Figures")!);
    expect(figures).toContainEqual([
      "Choices",
      "Which form?",
      "single choice",
      "Workshop",
      2,
      "2 (67%)",
    ]);
    expect(figures).toContainEqual([
      "The cycle",
      "Points?",
      "points over the phases",
      "Least attention: Forming the network.",
      "",
      "",
    ]);
    expect(figures).toContainEqual(["Choices", "How satisfied?", "scale", "Mean: 4.0", "", ""]);
  });

  it("writes a Word summary with the date, participants, a chart table per question and the visible open answers", async () => {
    const { scope } = await makeScope(t.db, "facilitator");
    const { sessionId } = await makeSessionWithAnswers(scope);
    const result = await exportResultsDocx(scope, sessionId);
    if (!result.ok) throw new Error("export refused");
    expect(result.value.fileName).toMatch(/\.docx$/);
    const text = await documentText(result.value.body);
    const created = await t.db
      .selectFrom("dialogue_sessions")
      .select("created_at")
      .where("id", "=", sessionId)
      .executeTakeFirstOrThrow();
    expect(text).toContain("Kennissessie Arnhem");
    expect(text).toContain(
      `Datum: ${sessionDate(new Date(created.created_at).toISOString(), "nl")}`,
    );
    expect(text).toContain("Aantal deelnemers: 3");
    expect(text).toContain("Mbo-instelling: 1");
    expect(text).toContain("Welke trede?");
    expect(text).toContain("Minste aandacht: Het netwerk vormen.");
    expect(text).toContain("Nu staat de samenwerking gemiddeld op trede 2,3");
    expect(text).toContain("Meer stages in de zorg");
    expect(text).not.toContain("Geheim antwoord");
    expect(text).not.toMatch(/Sanne|Ahmed/);
    // The chart: bar cells shaded in the chart colour.
    const xml = await (
      await JSZip.loadAsync(result.value.body)
    )
      .file("word/document.xml")!
      .async("string");
    expect(xml).toMatch(/<w:shd [^>]*w:fill="01689B"/);
    expect(xml).toMatch(/<w:gridSpan w:val="13"\/>/); // "Werkplaats": 2 of 3 → 13 of 20 cells
  });

  it("refuses another region's session and a member without the facilitator role", async () => {
    const { scope } = await makeScope(t.db, "facilitator");
    const { sessionId } = await makeSessionWithAnswers(scope);
    const other = await makeScope(t.db, "admin");
    for (const f of [exportResultsCsv, exportResultsXlsx, exportResultsDocx])
      expect(await f(other.scope, sessionId)).toMatchObject({
        ok: false,
        error: { key: "errors.notFound" },
      });
    const member = { ...scope, role: "member" as const };
    expect(await exportResultsCsv(member, sessionId)).toMatchObject({
      ok: false,
      error: { key: "errors.forbidden" },
    });
  });

  it("writes the day in Dutch time", () => {
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
    expect(sessionDate("2026-12-31T23:30:00Z", "nl")).toBe("1 januari 2027");
    expect(sessionDate("2026-06-30T22:30:00Z", "en")).toBe("1 July 2026");
  });
});
