import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { makeHarvest } from "../../test/harvest.ts";
import {
  contribute,
  createContributionLimit,
  FORM_LIMIT,
  openContributionForm,
} from "./contributeForm.ts";
import { listContributions, NO_FILTERS } from "./queries.ts";
import { updateHarvest } from "./updateHarvest.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

describe("the public contribution form", () => {
  it("is found only while open; a closed one reads as one that does not exist", async () => {
    const { scope, region } = await makeScope(t.db, "organiser");
    const harvest = await makeHarvest(scope, {
      formOpen: "on",
      strategicThemes: "De kandidaat centraal\nLeercultuur",
    });
    expect(await openContributionForm(t.db, region.slug, harvest.slug)).toMatchObject({
      region: { slug: region.slug },
      harvest: { id: harvest.id, strategicThemes: ["De kandidaat centraal", "Leercultuur"] },
    });
    await updateHarvest(scope, harvest.id, { title: "Dicht" });
    expect(await openContributionForm(t.db, region.slug, harvest.slug)).toMatchObject({
      harvest: null,
    });
    expect(await openContributionForm(t.db, region.slug, "bestaat-niet")).toMatchObject({
      harvest: null,
    });
    expect(await openContributionForm(t.db, "geen-regio", harvest.slug)).toBeNull();
    // Closed between loading the page and sending it.
    expect(await contribute(t.db, harvest.id, { text: "Te laat" })).toMatchObject({
      ok: false,
      error: { key: "harvest.form.closed" },
    });
    expect((await listContributions(scope, harvest.id, NO_FILTERS)).total).toBe(0);
  });

  it("stores text as text with its kind, sector and theme, and nothing about the sender", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const harvest = await makeHarvest(scope, { formOpen: "on", strategicThemes: "Leercultuur" });
    const html = '<img src=x onerror="alert(1)"> Meer tijd om te leren';
    expect(
      await contribute(t.db, harvest.id, {
        text: html,
        kind: "idea",
        sector: "company",
        theme: "Leercultuur",
        website: "",
      }),
    ).toEqual({ ok: true, value: { stored: true } });
    const { contributions } = await listContributions(scope, harvest.id, NO_FILTERS);
    expect(contributions).toHaveLength(1);
    expect(contributions[0]).toMatchObject({
      text: html,
      kind: "idea",
      sector: "company",
      origin: "form",
      sourceTheme: "Leercultuur",
      sourceSessionId: null,
    });
  });

  it("refuses empty, too long and unknown choices; a filled honeypot stores nothing", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const harvest = await makeHarvest(scope, { formOpen: "on" });
    expect(
      await contribute(t.db, harvest.id, { text: " ", kind: "wish", sector: "bank" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: {
        text: { key: "validation.required" },
        kind: { key: "validation.choice" },
        sector: { key: "validation.choice" },
      },
    });
    expect(await contribute(t.db, harvest.id, { text: "x".repeat(2001) })).toMatchObject({
      ok: false,
      fieldErrors: { text: { key: "validation.tooLong", values: { max: 2000 } } },
    });
    expect(
      await contribute(t.db, harvest.id, { text: "Idee", theme: "Niet gekozen" }),
    ).toMatchObject({ ok: false, fieldErrors: { theme: { key: "validation.choice" } } });
    expect(
      await contribute(t.db, harvest.id, { text: "Koop nu!", website: "https://spam.example" }),
    ).toEqual({ ok: true, value: { stored: false } });
    // A bot that fills in everything, badly, is answered the same way.
    expect(await contribute(t.db, harvest.id, { text: "", kind: "x", website: "spam" })).toEqual({
      ok: true,
      value: { stored: false },
    });
    expect((await listContributions(scope, harvest.id, NO_FILTERS)).total).toBe(0);
    expect(await contribute(t.db, "not-a-uuid", { text: "x" })).toMatchObject({ ok: false });
  });

  it("limits how often one client address may send", async () => {
    const mayContribute = createContributionLimit();
    const address = "192.0.2.7";
    for (let i = 0; i < FORM_LIMIT.points; i++) expect(await mayContribute(address)).toBe(true);
    expect(await mayContribute(address)).toBe(false);
    expect(await mayContribute(`${address}0`)).toBe(true);
  });
});
