import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { makeCuratedHarvest } from "../../test/harvestFixtures.ts";
import { selectQuote } from "../harvest/themes/selectQuote.ts";
import { contributionTrace } from "../harvest/trace.ts";
import { createCoalition } from "../coalitions/createCoalition.ts";
import { setAgendaPublic } from "../harvest/setAgendaPublic.ts";
import { addProgressNote } from "./addProgressNote.ts";
import { createAction } from "./createAction.ts";
import { deleteAction } from "./deleteAction.ts";
import { linkContributions } from "./linkContributions.ts";
import { linkTheme } from "./linkTheme.ts";
import { setActionStatus } from "./setActionStatus.ts";
import { unlinkSource } from "./unlinkSource.ts";
import { updateAction } from "./updateAction.ts";
import { publicAgenda } from "./publicAgenda.ts";
import { actionContributions, getAction, listActions } from "./queries.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const base = {
  title: "Leerdag per maand",
  goal: "Elke medewerker leert.",
  ownerOrganisation: "Utrechtzorg",
  partners: "ROC\nHogeschool",
  startsOn: "2025-01-01",
  endsOn: "2025-12-31",
  status: "planned",
};

describe("actions", () => {
  it("made from a theme, answers it and belongs to its harvest; links contributions; counts what is behind it", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const h = await makeCuratedHarvest(scope);
    const c = h.contributions;
    const made = await createAction(scope, { ...base, themeId: h.themes.culture });
    if (!made.ok) throw new Error(JSON.stringify(made));
    const id = made.value.id;
    let found = (await getAction(scope, id))!;
    expect(found.action.harvest_id).toBe(h.harvest.id);
    expect(found.themes.map((th) => [th.label, th.count])).toEqual([["Leercultuur", 2]]);
    // The theme brings its two visible contributions (the merged one counts through the other).
    expect(found.behind).toBe(2);

    // A contribution of the theme again (counted once), one of the other theme, one without.
    const linked = await linkContributions(scope, id, {
      contributionIds: [c.dream, c.idea, c.loose],
    });
    expect(linked).toEqual({ ok: true, value: { linked: 3 } });
    found = (await getAction(scope, id))!;
    expect(found.behind).toBe(4);
    expect(found.contributions.map((x) => x.id).sort()).toEqual([c.dream, c.idea, c.loose].sort());

    const behind = (await actionContributions(scope, id))!;
    const how = new Map(behind.contributions.map((x) => [x.id, x.direct]));
    expect(how.get(c.dream)).toBe(true);
    expect(how.get(c.dilemma)).toBe(false);
    expect(how.has(c.hidden)).toBe(false);
    expect(how.has(c.merged)).toBe(false);

    const list = await listActions(scope);
    expect(list).toEqual([
      expect.objectContaining({ id, title: "Leerdag per maand", status: "planned", behind: 4 }),
    ]);

    expect((await unlinkSource(scope, id, { themeId: h.themes.culture })).ok).toBe(true);
    expect((await getAction(scope, id))!.behind).toBe(3);
  });

  it("traces a contribution to its theme, its quote and the actions behind it, directly or by theme", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const h = await makeCuratedHarvest(scope);
    const c = h.contributions;
    await selectQuote(scope, h.harvest.id, {
      themeId: h.themes.culture,
      contributionId: c.dilemma,
    });
    const byTheme = await createAction(scope, {
      ...base,
      title: "Via thema",
      themeId: h.themes.culture,
    });
    const direct = await createAction(scope, { ...base, title: "Rechtstreeks" });
    if (!byTheme.ok || !direct.ok) throw new Error("not created");
    await linkContributions(scope, direct.value.id, { contributionId: c.dilemma });
    const coalition = await createCoalition(scope, {
      title: "Leren in de zorg",
      actionId: byTheme.value.id,
    });
    expect(coalition.ok).toBe(true);

    const trace = (await contributionTrace(scope, h.harvest.id, c.dilemma))!;
    expect(trace.contribution).toMatchObject({
      theme_label: "Leercultuur",
      quoted: true,
      hidden: false,
    });
    expect(trace.actions.map((a) => [a.title, a.direct, a.via_theme])).toEqual([
      ["Via thema", false, true],
      ["Rechtstreeks", true, false],
    ]);
    expect(trace.actions[0]!.coalitions.map((co) => co.title)).toEqual(["Leren in de zorg"]);
    // The direct link gave the free action the harvest.
    expect((await getAction(scope, direct.value.id))!.action.harvest_id).toBe(h.harvest.id);

    const dream = (await contributionTrace(scope, h.harvest.id, c.dream))!;
    expect(dream.contribution.merged_from).toBe(1);
    expect(dream.contribution.quoted).toBe(false);
    const merged = (await contributionTrace(scope, h.harvest.id, c.merged))!;
    expect(merged.contribution.merged_into_id).toBe(c.dream);
    const loose = (await contributionTrace(scope, h.harvest.id, c.loose))!;
    expect(loose.actions).toEqual([]);
    expect(loose.contribution.theme_label).toBeNull();
  });

  it("validates dates and statuses, keeps progress notes, and deletes", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const bad = await createAction(scope, {
      ...base,
      title: " ",
      startsOn: "2025-13-45",
      status: "bezig",
    });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: {
        title: { key: "validation.required" },
        startsOn: { key: "actions.dateInvalid" },
        status: { key: "validation.choice" },
      },
    });
    const reversed = await createAction(scope, {
      ...base,
      startsOn: "2025-06-01",
      endsOn: "2025-01-01",
    });
    expect(reversed).toMatchObject({
      ok: false,
      fieldErrors: { endsOn: { key: "actions.endBeforeStart" } },
    });
    const made = await createAction(scope, { title: "Alleen een titel" });
    if (!made.ok) throw new Error(JSON.stringify(made));
    const id = made.value.id;
    expect((await updateAction(scope, id, { ...base, startsOn: "", endsOn: "" })).ok).toBe(true);
    expect((await setActionStatus(scope, id, { status: "running" })).ok).toBe(true);
    expect((await addProgressNote(scope, id, { note: "  " })).ok).toBe(false);
    expect((await addProgressNote(scope, id, { note: "Eerste bijeenkomst gehouden." })).ok).toBe(
      true,
    );
    const found = (await getAction(scope, id))!;
    expect(found.action).toMatchObject({
      status: "running",
      starts_on: null,
      title: "Leerdag per maand",
    });
    expect(found.progress.map((p) => p.note)).toEqual(["Eerste bijeenkomst gehouden."]);
    expect((await deleteAction(scope, id)).ok).toBe(true);
    expect(await getAction(scope, id)).toBeNull();
  });

  it("refuses another region's actions, themes and contributions, and sources from another harvest", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const mine = await makeCuratedHarvest(scope);
    const second = await makeCuratedHarvest(scope, { slug: "tweede-oogst" });
    const other = (await makeScope(t.db, "admin")).scope;
    const theirs = await makeCuratedHarvest(other);
    const made = await createAction(scope, { ...base, themeId: mine.themes.culture });
    if (!made.ok) throw new Error("not created");
    const id = made.value.id;
    expect(await createAction(scope, { ...base, themeId: theirs.themes.culture })).toMatchObject({
      ok: false,
      error: { key: "errors.notFound" },
    });
    expect((await linkTheme(scope, id, { themeId: theirs.themes.culture })).ok).toBe(false);
    expect(
      (await linkContributions(scope, id, { contributionId: theirs.contributions.dream })).ok,
    ).toBe(false);
    expect(await linkTheme(scope, id, { themeId: second.themes.culture })).toMatchObject({
      ok: false,
      error: { key: "actions.otherHarvest" },
    });
    expect(await getAction(other, id)).toBeNull();
    expect(await actionContributions(other, id)).toBeNull();
    expect(await contributionTrace(other, mine.harvest.id, mine.contributions.dream)).toBeNull();
    expect((await updateAction(other, id, base)).ok).toBe(false);
    expect((await deleteAction(other, id)).ok).toBe(false);
    expect((await setAgendaPublic(other, mine.harvest.id, true)).ok).toBe(false);
    expect((await getAction(scope, id))!.action.title).toBe("Leerdag per maand");
  });

  it("is public only for harvests whose agenda the region published", async () => {
    const { scope, region } = await makeScope(t.db, "organiser");
    const h = await makeCuratedHarvest(scope);
    const made = await createAction(scope, { ...base, themeId: h.themes.culture });
    const free = await createAction(scope, { ...base, title: "Zonder oogst" });
    if (!made.ok || !free.ok) throw new Error("not created");
    await addProgressNote(scope, made.value.id, { note: "Gestart." });
    await createCoalition(scope, {
      title: "Coalitie",
      leadName: "Erna",
      wayOfWorking: "Maandelijks",
      actionId: made.value.id,
    });
    expect(await publicAgenda(t.db, region.slug)).toBeNull();
    await setAgendaPublic(scope, h.harvest.id, true);
    const agenda = (await publicAgenda(t.db, region.slug))!;
    expect(agenda.harvests).toHaveLength(1);
    const [action] = agenda.harvests[0]!.actions;
    expect(agenda.harvests[0]!.actions).toHaveLength(1);
    expect(action).toMatchObject({ title: "Leerdag per maand", progress: [{ note: "Gestart." }] });
    expect(action!.coalitions[0]).toMatchObject({ title: "Coalitie", leadName: "Erna" });
    expect(action!.coalitions[0]!.mix.missingSectors).toContain("residents");
  });
});
