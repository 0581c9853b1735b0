import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { makeHarvest } from "../../test/harvest.ts";
import { addContribution } from "./addContribution.ts";
import { mergeContributions } from "./mergeContributions.ts";
import { setHidden } from "./setHidden.ts";
import { setTags } from "./setTags.ts";
import { unmergeContribution } from "./unmergeContribution.ts";
import { updateContribution } from "./updateContribution.ts";
import { createHarvest } from "./createHarvest.ts";
import { exportContributionsCsv } from "./exportContributions.ts";
import {
  contributionCounts,
  contributionFilterOptions,
  findContribution,
  findHarvest,
  listContributions,
  listHarvests,
  NO_FILTERS,
  parseContributionFilters,
} from "./queries.ts";
import { updateHarvest } from "./updateHarvest.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

async function add(scope: Parameters<typeof addContribution>[0], harvestId: string, input: object) {
  const result = await addContribution(scope, harvestId, input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.id;
}

describe("harvests", () => {
  it("creates with a unique address, strategic themes one per line, and updates", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const a = await createHarvest(scope, {
      title: "Ontwikkelsessies 2021",
      strategicThemes:
        "De kandidaat centraal\r\n\r\nLeer- en ontwikkelcultuur\nLeer- en ontwikkelcultuur",
      formOpen: "on",
    });
    const b = await createHarvest(scope, { title: "Ontwikkelsessies 2021!" });
    expect(a).toMatchObject({ ok: true, value: { slug: "ontwikkelsessies-2021" } });
    expect(b).toMatchObject({ ok: true, value: { slug: "ontwikkelsessies-2021-2" } });
    if (!a.ok) return;
    const found = await findHarvest(scope, a.value.id);
    expect(found).toMatchObject({
      title: "Ontwikkelsessies 2021",
      strategicThemes: ["De kandidaat centraal", "Leer- en ontwikkelcultuur"],
      formOpen: true,
      language: "nl",
    });
    const updated = await updateHarvest(scope, a.value.id, {
      title: "Lerende regio",
      description: "Zes sessies",
      language: "en",
      strategicThemes: "Eén",
    });
    expect(updated.ok).toBe(true);
    expect(await findHarvest(scope, a.value.id)).toMatchObject({
      title: "Lerende regio",
      slug: "ontwikkelsessies-2021",
      language: "en",
      strategicThemes: ["Eén"],
      formOpen: false,
    });
    expect((await listHarvests(scope)).map((h) => h.title).sort()).toEqual([
      "Lerende regio",
      "Ontwikkelsessies 2021!",
    ]);
  });

  it("refuses more than 12 strategic themes, an empty title, and members below organiser", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const many = Array.from({ length: 13 }, (_, i) => `Thema ${i}`).join("\n");
    expect(await createHarvest(scope, { title: "X", strategicThemes: many })).toMatchObject({
      ok: false,
      fieldErrors: { strategicThemes: { key: "validation.tooMany", values: { max: 12 } } },
    });
    expect(await createHarvest(scope, { title: "  " })).toMatchObject({
      ok: false,
      fieldErrors: { title: { key: "validation.required" } },
    });
    expect(
      await createHarvest({ ...scope, role: "facilitator" }, { title: "Mag niet" }),
    ).toMatchObject({ ok: false, error: { key: "errors.forbidden" } });
  });

  it("keeps another region's harvest out of reach", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const harvest = await makeHarvest(scope);
    const id = await add(scope, harvest.id, { text: "Van regio A" });
    const other = await makeScope(t.db, "admin");
    expect(await findHarvest(other.scope, harvest.id)).toBeNull();
    expect(await findHarvest(other.scope, "not-a-uuid")).toBeNull();
    expect(await listHarvests(other.scope)).toEqual([]);
    expect(await findContribution(other.scope, harvest.id, id)).toBeNull();
    const edits = [
      updateHarvest(other.scope, harvest.id, { title: "Overgenomen" }),
      updateContribution(other.scope, harvest.id, id, { text: "Overgenomen" }),
      setTags(other.scope, harvest.id, id, { tags: "x" }),
      setHidden(other.scope, harvest.id, id, true),
      addContribution(other.scope, harvest.id, { text: "Erbij" }),
      mergeContributions(other.scope, harvest.id, { ids: [id, id], into: id }),
      exportContributionsCsv(other.scope, harvest.id, NO_FILTERS, "nl"),
    ];
    for (const result of await Promise.all(edits)) {
      expect(result).toMatchObject({ ok: false });
    }
    expect(await findContribution(scope, harvest.id, id)).toMatchObject({
      text: "Van regio A",
      hidden: false,
      tags: [],
    });
  });
});

describe("contributions", () => {
  it("edits text, kind and sector; tags at most 20 of 60 characters; hides and shows", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const harvest = await makeHarvest(scope);
    const id = await add(scope, harvest.id, {
      text: "  <b>Meer</b> stages  ",
      kind: "idea",
      sourceLabel: "Flip-over sessie 2",
    });
    expect(await findContribution(scope, harvest.id, id)).toMatchObject({
      text: "<b>Meer</b> stages",
      kind: "idea",
      origin: "manual",
      sourceLabel: "Flip-over sessie 2",
    });
    expect(
      await updateContribution(scope, harvest.id, id, { text: "", kind: "wish", sector: "bank" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: {
        text: { key: "validation.required" },
        kind: { key: "validation.choice" },
        sector: { key: "validation.choice" },
      },
    });
    await updateContribution(scope, harvest.id, id, {
      text: "Stages",
      kind: "dream",
      sector: "mbo",
    });

    const tooMany = Array.from({ length: 21 }, (_, i) => `tag${i}`).join(",");
    expect(await setTags(scope, harvest.id, id, { tags: tooMany })).toMatchObject({
      ok: false,
      fieldErrors: { tags: { key: "validation.tooMany", values: { max: 20 } } },
    });
    expect(await setTags(scope, harvest.id, id, { tags: "x".repeat(61) })).toMatchObject({
      ok: false,
      fieldErrors: { tags: { key: "validation.tooLong", values: { max: 60 } } },
    });
    // PostgreSQL cannot store a NUL character: a field message, not an error.
    expect(await setTags(scope, harvest.id, id, { tags: "a\u0000b" })).toMatchObject({
      ok: false,
      fieldErrors: { tags: { key: "validation.invalid" } },
    });
    await setTags(scope, harvest.id, id, { tags: "Zorg, stages; zorg" });
    await setHidden(scope, harvest.id, id, true);
    expect(await findContribution(scope, harvest.id, id)).toMatchObject({
      text: "Stages",
      kind: "dream",
      sector: "mbo",
      tags: ["Zorg", "stages"],
      hidden: true,
    });
    expect(await contributionCounts(scope, harvest.id)).toMatchObject({ total: 0, hidden: 1 });
    await setHidden(scope, harvest.id, id, false);
    expect(await contributionCounts(scope, harvest.id)).toMatchObject({ total: 1, hidden: 0 });
  });

  it("merges several into one: the others drop out of the counts and stay traceable", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const harvest = await makeHarvest(scope);
    const a = await add(scope, harvest.id, { text: "Meer stages", kind: "idea", tags: "stages" });
    const b = await add(scope, harvest.id, { text: "Stages in de wijk", tags: "wijk" });
    const c = await add(scope, harvest.id, { text: "Stageplekken!", kind: "idea" });
    const d = await add(scope, harvest.id, { text: "Iets anders", kind: "dream" });
    // c first goes into b; merging b into a takes c along.
    expect(await mergeContributions(scope, harvest.id, { ids: [b, c], into: b })).toMatchObject({
      ok: true,
    });
    expect(await mergeContributions(scope, harvest.id, { ids: [a, b], into: a })).toEqual({
      ok: true,
      value: { id: a, merged: 1 },
    });
    const counts = await contributionCounts(scope, harvest.id);
    expect(counts.total).toBe(2);
    expect(counts.byKind).toMatchObject({ idea: 1, dream: 1, other: 0 });

    const list = await listContributions(scope, harvest.id, NO_FILTERS);
    expect(list.contributions.map((x) => x.id)).toEqual([a, d]);
    expect(list.contributions[0]!.merged.map((m) => m.text)).toEqual([
      "Stages in de wijk",
      "Stageplekken!",
    ]);
    expect(list.contributions[0]!.tags).toEqual(["stages", "wijk"]);
    expect(await findContribution(scope, harvest.id, c)).toMatchObject({ mergedIntoId: a });

    expect(await mergeContributions(scope, harvest.id, { ids: [a], into: a })).toMatchObject({
      ok: false,
      error: { key: "harvest.mergeChoose" },
    });
    expect(await mergeContributions(scope, harvest.id, { ids: [a, d], into: c })).toMatchObject({
      ok: false,
      error: { key: "harvest.mergeAlreadyMerged" },
    });
    expect(await mergeContributions(scope, harvest.id, { ids: [a, d], into: "" })).toMatchObject({
      ok: false,
      error: { key: "harvest.mergeChooseKeep" },
    });

    await unmergeContribution(scope, harvest.id, c);
    expect((await contributionCounts(scope, harvest.id)).total).toBe(3);
  });

  it("filters by kind, sector, origin, theme, tag, hidden and text", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const harvest = await makeHarvest(scope);
    const a = await add(scope, harvest.id, {
      text: "Dromen over 100% leren_",
      kind: "dream",
      sector: "hbo",
      tags: "leren",
    });
    const b = await add(scope, harvest.id, { text: "Een dilemma", kind: "dilemma" });
    const c = await add(scope, harvest.id, { text: "Verborgen idee", kind: "idea" });
    await setHidden(scope, harvest.id, c, true);
    const theme = await t.db
      .insertInto("harvest_themes")
      .values({ harvest_id: harvest.id, label: "Leren" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable("contributions")
      .set({ theme_id: theme.id })
      .where("id", "=", a)
      .execute();

    const ids = async (params: Record<string, string>) =>
      (
        await listContributions(
          scope,
          harvest.id,
          parseContributionFilters(new URLSearchParams(params)),
        )
      ).contributions.map((x) => x.id);
    expect(await ids({})).toEqual([a, b]);
    expect(await ids({ kind: "dream" })).toEqual([a]);
    expect(await ids({ sector: "hbo" })).toEqual([a]);
    expect(await ids({ sector: "none" })).toEqual([b]);
    expect(await ids({ origin: "manual" })).toEqual([a, b]);
    expect(await ids({ origin: "form" })).toEqual([]);
    expect(await ids({ theme: theme.id })).toEqual([a]);
    expect(await ids({ theme: "none" })).toEqual([b]);
    expect(await ids({ tag: "leren" })).toEqual([a]);
    expect(await ids({ hidden: "hidden" })).toEqual([c]);
    expect(await ids({ hidden: "all" })).toEqual([a, b, c]);
    expect(await ids({ q: "100%" })).toEqual([a]);
    expect(await ids({ q: "_" })).toEqual([a]);
    // Unknown values are dropped, never an error.
    expect(await ids({ kind: "wish", theme: "' OR 1=1", sector: "x", hidden: "maybe" })).toEqual([
      a,
      b,
    ]);
    expect(await contributionFilterOptions(scope, harvest.id)).toMatchObject({
      themes: [{ id: theme.id, label: "Leren" }],
      tags: ["leren"],
    });
  });

  it("exports the list as CSV in the reader's language, formulas guarded", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const harvest = await makeHarvest(scope, { title: "Export" });
    await add(scope, harvest.id, { text: "=SUM(A1)", kind: "dream", sector: "mbo", tags: "a, b" });
    const nl = await exportContributionsCsv(
      { ...scope, role: "facilitator" },
      harvest.id,
      NO_FILTERS,
      "nl",
    );
    expect(nl.ok).toBe(true);
    if (!nl.ok) return;
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(nl.value.body);
    expect(text.split("\r\n")[0]).toBe(
      "\uFEFFTekst;Soort;Sector;Bron;Thema;Tags;Herkomst;Oogstthema;Verborgen;Samengevoegd",
    );
    expect(text).toContain("'=SUM(A1);Droom;Mbo-instelling;;;a, b;Met de hand toegevoegd;;;");
    expect(nl.value.fileName).toMatch(/^bijdragen-export-\d{4}-\d{2}-\d{2}\.csv$/);
    const en = await exportContributionsCsv(scope, harvest.id, NO_FILTERS, "en");
    if (!en.ok) return;
    expect(new TextDecoder().decode(en.value.body)).toContain("Text,Kind,Sector");
  });
});
