import JSZip from "jszip";
import { extractText } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { makeCuratedHarvest } from "../../test/harvestFixtures.ts";
import { publicationLook, publicationModel } from "./publication.ts";
import { publicPublicationModel } from "./publicQueries.ts";
import { setPublicationPublic } from "./setPublicationPublic.ts";
import { themeContributions } from "./themes/queries.ts";
import { MAX_QUOTES_PER_THEME, selectQuote } from "./themes/selectQuote.ts";
import { setThemeSummary } from "./themes/setThemeSummary.ts";
import { unselectQuote } from "./themes/unselectQuote.ts";
import { updatePublicationText } from "./updatePublicationText.ts";
import { buildPublicationDocx } from "./publicationDocx.ts";
import { buildPublicationPdf } from "./publicationPdf.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

async function documentXml(body: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  return zip.file("word/document.xml")!.async("string");
}

async function pdfText(body: Uint8Array): Promise<string> {
  const { text } = await extractText(new Uint8Array(body), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("the publication model", () => {
  it("holds the texts, the themes in order with quotes and counts, the figures and the appendix", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const h = await makeCuratedHarvest(scope);
    const { candidate, culture } = h.themes;
    const c = h.contributions;
    expect(
      (await selectQuote(scope, h.harvest.id, { themeId: culture, contributionId: c.dilemma })).ok,
    ).toBe(true);
    expect(
      (await selectQuote(scope, h.harvest.id, { themeId: culture, contributionId: c.dream })).ok,
    ).toBe(true);
    // Selecting again changes nothing; the order is the order of choosing.
    expect(
      (await selectQuote(scope, h.harvest.id, { themeId: culture, contributionId: c.dilemma })).ok,
    ).toBe(true);

    const model = (await publicationModel(scope, h.harvest.id, "nl"))!;
    // No publication title yet: the harvest's title.
    expect(model.title).toBe("Ontwikkelsessies 2021");
    expect(model.introduction).toContain("Eén gedeelde koers");
    expect(model.themes.map((th) => th.label)).toEqual(["De kandidaat centraal", "Leercultuur"]);
    const [first, second] = model.themes;
    expect(first!.strategicTheme).toBe("De kandidaat centraal");
    expect(first!.summary).toContain("Tweede alinea");
    // The hidden contribution counts nowhere; the merged one counts through the one it joined.
    expect(first!.count).toBe(2);
    expect(second!.count).toBe(2);
    expect(second!.quotes.map((q) => q.id)).toEqual([c.dilemma, c.dream]);
    expect(first!.quotes).toEqual([]);
    expect(first!.sectorMix).toEqual([
      { key: "hbo", count: 1 },
      { key: null, count: 1 },
    ]);
    expect(model.figures.total).toBe(5);
    expect(model.figures.themed).toBe(4);
    expect(model.figures.sources).toBe(1);
    expect(model.figures.byKind).toEqual([
      { key: "dream", count: 1 },
      { key: "dilemma", count: 1 },
      { key: "idea", count: 1 },
      { key: "question", count: 1 },
      { key: "other", count: 1 },
    ]);
    expect(model.figures.byOrigin).toEqual([
      { key: "answer", count: 4 },
      { key: "form", count: 1 },
    ]);
    expect(model.figures.bySector.at(-1)).toEqual({ key: null, count: 1 });
    expect(model.appendix.map((g) => [g.themeId, g.contributions.length])).toEqual([
      [candidate, 2],
      [culture, 2],
      [null, 1],
    ]);
    const appendixIds = model.appendix.flatMap((g) => g.contributions.map((x) => x.id));
    expect(appendixIds).not.toContain(c.hidden);
    expect(appendixIds).not.toContain(c.merged);
    // Rows written in the same instant have no order of their own: find the one by its id.
    expect(model.appendix[0]!.contributions.find((x) => x.id === c.idea)).toMatchObject({
      kind: "idea",
      sector: "hbo",
      source: "Ontwikkelsessie 1 · Wat is jouw droom?",
    });
  });

  it("quotes only visible contributions of the theme itself, up to the limit, and drops moved ones", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const h = await makeCuratedHarvest(scope);
    const { candidate, culture } = h.themes;
    const c = h.contributions;
    // Of another theme, hidden, merged, no theme, or not an id at all: not found.
    for (const contributionId of [c.dream, c.hidden, c.loose, "x"])
      expect(
        (await selectQuote(scope, h.harvest.id, { themeId: candidate, contributionId })).ok,
      ).toBe(false);
    expect(
      (await selectQuote(scope, h.harvest.id, { themeId: culture, contributionId: c.merged })).ok,
    ).toBe(false);

    expect(
      (await selectQuote(scope, h.harvest.id, { themeId: candidate, contributionId: c.idea })).ok,
    ).toBe(true);
    // Moved to another theme: the quote stays stored but no longer shows.
    await t.db
      .updateTable("contributions")
      .set({ theme_id: culture })
      .where("id", "=", c.idea)
      .execute();
    const model = (await publicationModel(scope, h.harvest.id, "nl"))!;
    expect(model.themes[0]!.quotes).toEqual([]);
    expect(model.themes[1]!.quotes).toEqual([]);
    expect(
      (await unselectQuote(scope, h.harvest.id, { themeId: candidate, contributionId: c.idea })).ok,
    ).toBe(true);

    const many = await t.db
      .insertInto("contributions")
      .values(
        Array.from({ length: MAX_QUOTES_PER_THEME + 1 }, (_, i) => ({
          harvest_id: h.harvest.id,
          region_id: scope.regionId,
          text: `Citaat ${i}`,
          origin: "manual" as const,
          theme_id: candidate,
        })),
      )
      .returning("id")
      .execute();
    for (const row of many.slice(0, MAX_QUOTES_PER_THEME))
      expect(
        (await selectQuote(scope, h.harvest.id, { themeId: candidate, contributionId: row.id })).ok,
      ).toBe(true);
    const over = await selectQuote(scope, h.harvest.id, {
      themeId: candidate,
      contributionId: many.at(-1)!.id,
    });
    expect(over).toMatchObject({ ok: false, error: { key: "publication.tooManyQuotes" } });
  });

  it("saves the organiser's texts with limits, and publishes only on request", async () => {
    const { scope, region } = await makeScope(t.db, "organiser");
    const h = await makeCuratedHarvest(scope);
    const tooLong = await updatePublicationText(scope, h.harvest.id, {
      publicationTitle: "x".repeat(201),
      introduction: "",
    });
    expect(tooLong).toMatchObject({
      ok: false,
      fieldErrors: { publicationTitle: { key: "validation.tooLong" } },
    });
    expect(
      (
        await updatePublicationText(scope, h.harvest.id, {
          publicationTitle: "Samenwerken aan een lerende regio",
          introduction: "<b>Geen HTML</b>",
        })
      ).ok,
    ).toBe(true);
    const second = await makeCuratedHarvest(scope, { slug: "tweede" });
    // A theme of another harvest of the same region, through this harvest's page: not found.
    expect(
      (await setThemeSummary(scope, h.harvest.id, { themeId: second.themes.culture, summary: "x" }))
        .ok,
    ).toBe(false);
    expect(
      (
        await setThemeSummary(scope, h.harvest.id, {
          themeId: h.themes.culture,
          summary: "Nieuwe samenvatting",
        })
      ).ok,
    ).toBe(true);
    expect(await publicPublicationModel(t.db, region.slug, h.harvest.slug, "nl")).toBeNull();
    expect((await setPublicationPublic(scope, h.harvest.id, true)).ok).toBe(true);
    const open = (await publicPublicationModel(t.db, region.slug, h.harvest.slug, "en"))!;
    expect(open.title).toBe("Samenwerken aan een lerende regio");
    expect(open.introduction).toBe("<b>Geen HTML</b>");
    expect(open.themes[1]!.summary).toBe("Nieuwe samenvatting");
    expect(open.lang).toBe("en");
    await setPublicationPublic(scope, h.harvest.id, false);
    expect(await publicPublicationModel(t.db, region.slug, h.harvest.slug, "nl")).toBeNull();
  });

  it("gives another region's organiser nothing, and facilitators no editing", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const h = await makeCuratedHarvest(scope);
    const other = (await makeScope(t.db, "admin")).scope;
    expect(await publicationModel(other, h.harvest.id, "nl")).toBeNull();
    expect(await themeContributions(other, h.harvest.id, h.themes.culture)).toBeNull();
    expect((await updatePublicationText(other, h.harvest.id, { introduction: "x" })).ok).toBe(
      false,
    );
    expect(
      (await setThemeSummary(other, h.harvest.id, { themeId: h.themes.culture, summary: "x" })).ok,
    ).toBe(false);
    expect(
      (
        await selectQuote(other, h.harvest.id, {
          themeId: h.themes.culture,
          contributionId: h.contributions.dream,
        })
      ).ok,
    ).toBe(false);
    expect((await setPublicationPublic(other, h.harvest.id, true)).ok).toBe(false);
    const facilitator = { ...scope, role: "facilitator" as const };
    expect(await publicationModel(facilitator, h.harvest.id, "nl")).toBeNull();
    expect((await setPublicationPublic(facilitator, h.harvest.id, true)).ok).toBe(false);
    const row = await t.db
      .selectFrom("harvests")
      .select(["introduction", "publication_public"])
      .where("id", "=", h.harvest.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      introduction: "Zes ontwikkelsessies, ruim 200 deelnemers.\n\nEén gedeelde koers: ë, ü, ï.",
      publication_public: false,
    });
  });
});

describe("the publication as files", () => {
  it("writes a Word document with real headings, the themes, the chosen quotes and the appendix", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const h = await makeCuratedHarvest(scope);
    await selectQuote(scope, h.harvest.id, {
      themeId: h.themes.culture,
      contributionId: h.contributions.dilemma,
    });
    const model = (await publicationModel(scope, h.harvest.id, "nl"))!;
    const docx = await buildPublicationDocx(model, await publicationLook(t.db, scope.regionId));
    const xml = await documentXml(docx);
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    for (const text of [
      "Ontwikkelsessies 2021",
      "Inleiding",
      "Eén gedeelde koers: ë, ü, ï.",
      "De kandidaat centraal",
      "Leercultuur",
      "Toegankelijk leren voor elke kandidaat.",
      "“Tijd voor leren gaat ten koste van de zorg”",
      "Bijlage: alle bijdragen",
      "Stages die écht aansluiten bij de praktijk",
      "Losse gedachte zonder thema",
      "Overige bijdragen (1)",
      "Bijdragen per sector",
    ])
      expect(xml).toContain(text);
    expect(xml).not.toContain("Verborgen bijdrage");
    // The title page is shaded in the region's colour (the default #01689b).
    expect(xml).toMatch(/w:fill="01689B"/);
    const english = await buildPublicationDocx(
      { ...model, lang: "en" },
      await publicationLook(t.db, scope.regionId),
    );
    const en = await documentXml(english);
    expect(en).toContain("Appendix: all contributions");
    expect(en).toContain("Contributions by sector");
  });

  it("writes a tagged PDF whose text holds the themes, quotes and Dutch diacritics", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const h = await makeCuratedHarvest(scope, { language: "en" });
    await selectQuote(scope, h.harvest.id, {
      themeId: h.themes.culture,
      contributionId: h.contributions.dilemma,
    });
    const model = (await publicationModel(scope, h.harvest.id, "nl"))!;
    const pdf = await buildPublicationPdf(model, await publicationLook(t.db, scope.regionId));
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    const raw = Buffer.from(pdf).toString("latin1");
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toContain("/MarkInfo");
    expect(raw).toMatch(/\/Lang \(nl-NL\)/);
    expect(raw).toContain("/FontFile2");
    const text = await pdfText(pdf);
    for (const s of [
      "Ontwikkelsessies 2021",
      "Eén gedeelde koers: ë, ü, ï.",
      "De kandidaat centraal",
      "Leercultuur",
      "Tijd voor leren gaat ten koste van de zorg",
      "Bijlage: alle bijdragen",
      "Stages die écht aansluiten bij de praktijk",
      "Bijdragen per soort",
    ])
      expect(text).toContain(s);
    expect(text).not.toContain("Verborgen bijdrage");
    const english = await pdfText(
      await buildPublicationPdf(
        { ...model, lang: "en" },
        await publicationLook(t.db, scope.regionId),
      ),
    );
    expect(english).toContain("Appendix: all contributions");
  });
});
