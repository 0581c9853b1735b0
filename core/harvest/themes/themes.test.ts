import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../../db/client.ts";
import { createTestDb, type TestDb } from "../../../test/db.ts";
import { makeScope } from "../../../test/fixtures.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { acceptTheme } from "./acceptTheme.ts";
import { mergeThemes } from "./mergeThemes.ts";
import { moveContribution } from "./moveContribution.ts";
import { moveTheme } from "./moveTheme.ts";
import { proposeThemes } from "./proposeThemes.ts";
import { themeOverview } from "./queries.ts";
import { renameTheme } from "./renameTheme.ts";
import { reorderThemes } from "./reorderThemes.ts";
import { setStrategicTheme } from "./setStrategicTheme.ts";
import { setThemeSummary } from "./setThemeSummary.ts";
import { splitTheme } from "./splitTheme.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const STAGE = [
  "Meer stageplaatsen bij bedrijven in de regio",
  "Stage voor studenten is lastig te vinden",
  "Te weinig stageplaatsen voor mbo-studenten",
  "Goede begeleiding tijdens de stage",
];
const ZORG = [
  "Zorgpersoneel vasthouden en opleiden",
  "De werkdruk van het zorgpersoneel verlagen",
  "Werkdruk in de zorg is te hoog",
  "Minder werkdruk voor het zorgpersoneel",
];
const ENERGIE = [
  "Warmtenet in de wijk aanleggen",
  "Energie besparen met een warmtenet",
  "Energietransitie: warmtenetten en isolatie",
  "Energie delen in de buurt met een warmtenet",
];
const SECTORS = ["mbo", "company", "government", null] as const;

let counter = 0;

/** A harvest of the scope's region with the given texts as contributions (mixed order). */
async function harvestWith(db: Db, scope: RegionScope, texts: string[]) {
  const harvest = await db
    .insertInto("harvests")
    .values({
      region_id: scope.regionId,
      slug: `oogst-${counter++}`,
      title: "Ontwikkelsessies",
      strategic_themes: JSON.stringify(["De kandidaat centraal", "Leercultuur"]),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const rows = await db
    .insertInto("contributions")
    .values(
      texts.map((text, i) => ({
        harvest_id: harvest.id,
        region_id: scope.regionId,
        text,
        origin: "manual" as const,
        sector: SECTORS[i % SECTORS.length],
        created_at: new Date(Date.UTC(2021, 0, 1, 0, 0, i)),
      })),
    )
    .returning(["id", "text"])
    .execute();
  const idOf = (text: string) => rows.find((r) => r.text === text)!.id;
  return { harvestId: harvest.id, idOf };
}

const mixed = [0, 1, 2, 3].flatMap((i) => [STAGE[i]!, ZORG[i]!, ENERGIE[i]!]);

async function themeOf(db: Db, contributionId: string) {
  const row = await db
    .selectFrom("contributions as c")
    .leftJoin("harvest_themes as t", "t.id", "c.theme_id")
    .select(["c.theme_id", "c.theme_locked", "t.label", "t.origin"])
    .where("c.id", "=", contributionId)
    .executeTakeFirstOrThrow();
  return row;
}

async function snapshot(db: Db, harvestId: string) {
  const themes = await db
    .selectFrom("harvest_themes")
    .selectAll()
    .where("harvest_id", "=", harvestId)
    .where("origin", "=", "curated")
    .orderBy("id")
    .execute();
  const members = await db
    .selectFrom("contributions")
    .select(["id", "theme_id", "theme_locked"])
    .where("harvest_id", "=", harvestId)
    .where((eb) =>
      eb.or([
        eb("theme_locked", "=", true),
        eb(
          "theme_id",
          "in",
          themes.map((th) => th.id).concat("00000000-0000-0000-0000-000000000000"),
        ),
      ]),
    )
    .orderBy("id")
    .execute();
  return { themes, members };
}

describe("proposing themes", () => {
  it("puts obvious Dutch themes together, labels them by their telling words, and counts sectors", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const { harvestId, idOf } = await harvestWith(t.db, scope, mixed);
    const result = await proposeThemes(scope, harvestId);
    expect(result).toEqual({ ok: true, value: { proposed: 3, grouped: 12, curated: 0 } });

    for (const [group, word] of [
      [STAGE, /stage/],
      [ZORG, /zorg|werkdruk/],
      [ENERGIE, /energie|warmtenet/],
    ] as const) {
      const first = await themeOf(t.db, idOf(group[0]!));
      for (const text of group)
        expect((await themeOf(t.db, idOf(text))).theme_id).toBe(first.theme_id);
      expect(first.label).toMatch(word);
      expect(first.origin).toBe("proposed");
      expect(first.theme_locked).toBe(false);
    }

    const overview = (await themeOverview(scope, harvestId))!;
    expect(overview.total).toBe(12);
    expect(overview.themes).toHaveLength(3);
    expect(overview.unthemed.count).toBe(0);
    for (const theme of overview.themes) {
      expect(theme.count).toBe(4);
      expect(theme.origin).toBe("proposed");
      expect(theme.contributions).toHaveLength(4);
      expect(theme.sectors.reduce((s, x) => s + x.count, 0)).toBe(4);
    }
  });

  it("keeps curated themes and placed contributions exactly when it runs again", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const { harvestId, idOf } = await harvestWith(t.db, scope, mixed);
    expect((await proposeThemes(scope, harvestId)).ok).toBe(true);

    const stage = (await themeOf(t.db, idOf(STAGE[0]!))).theme_id!;
    const zorg = (await themeOf(t.db, idOf(ZORG[0]!))).theme_id!;
    expect((await renameTheme(scope, harvestId, { themeId: stage, label: "Stages" })).ok).toBe(
      true,
    );
    // An energy contribution placed by hand in no theme, another in the (proposed) care theme.
    expect(
      (await moveContribution(scope, harvestId, { contributionId: idOf(ENERGIE[0]!), themeId: "" }))
        .ok,
    ).toBe(true);
    expect(
      (
        await moveContribution(scope, harvestId, {
          contributionId: idOf(ENERGIE[1]!),
          themeId: zorg,
        })
      ).ok,
    ).toBe(true);
    const before = await snapshot(t.db, harvestId);
    expect(before.themes.map((th) => th.label).sort()).toEqual(
      [(await themeOf(t.db, idOf(ZORG[0]!))).label, "Stages"].sort(),
    );

    // New input arrives, and the organiser asks for a proposal again, twice.
    await t.db
      .insertInto("contributions")
      .values(
        ["Meer stageplaatsen in de zorg", "Een warmtenet voor elke wijk"].map((text) => ({
          harvest_id: harvestId,
          region_id: scope.regionId,
          text,
          origin: "manual" as const,
        })),
      )
      .execute();
    for (let run = 0; run < 2; run++) {
      const again = await proposeThemes(scope, harvestId);
      expect(again.ok && again.value.curated).toBe(2);
      expect(await snapshot(t.db, harvestId)).toEqual(before);
    }
    expect((await themeOf(t.db, idOf(ENERGIE[0]!))).theme_id).toBeNull();
    expect((await themeOf(t.db, idOf(ENERGIE[1]!))).theme_id).toBe(zorg);
    // The energy contributions still free are grouped anew.
    const energy = await themeOf(t.db, idOf(ENERGIE[2]!));
    expect(energy.origin).toBe("proposed");
  });

  it("accepts: the theme is curated and its contributions placed", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const { harvestId, idOf } = await harvestWith(t.db, scope, mixed);
    await proposeThemes(scope, harvestId);
    const stage = (await themeOf(t.db, idOf(STAGE[0]!))).theme_id!;
    expect(await acceptTheme(scope, harvestId, { themeId: stage })).toEqual({
      ok: true,
      value: { themeId: stage },
    });
    for (const text of STAGE)
      expect(await themeOf(t.db, idOf(text))).toMatchObject({
        theme_id: stage,
        theme_locked: true,
        origin: "curated",
      });
  });
});

describe("curating themes", () => {
  it("merges themes into one, with their quotes and summaries", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const { harvestId, idOf } = await harvestWith(t.db, scope, mixed);
    await proposeThemes(scope, harvestId);
    const stage = (await themeOf(t.db, idOf(STAGE[0]!))).theme_id!;
    const zorg = (await themeOf(t.db, idOf(ZORG[0]!))).theme_id!;
    await t.db
      .insertInto("harvest_quotes")
      .values({ theme_id: zorg, contribution_id: idOf(ZORG[1]!) })
      .execute();
    expect((await setThemeSummary(scope, harvestId, { themeId: zorg, summary: "Zorg." })).ok).toBe(
      true,
    );
    expect(await mergeThemes(scope, harvestId, { from: [zorg], into: stage })).toEqual({
      ok: true,
      value: { themeId: stage, merged: 1 },
    });
    for (const text of [...STAGE, ...ZORG])
      expect((await themeOf(t.db, idOf(text))).theme_id).toBe(stage);
    const merged = await t.db
      .selectFrom("harvest_themes")
      .selectAll()
      .where("id", "=", stage)
      .executeTakeFirstOrThrow();
    expect(merged).toMatchObject({ origin: "curated", summary: "Zorg." });
    expect(
      await t.db.selectFrom("harvest_themes").select("id").where("id", "=", zorg).execute(),
    ).toEqual([]);
    expect(
      await t.db
        .selectFrom("harvest_quotes")
        .select(["theme_id", "contribution_id"])
        .where("contribution_id", "=", idOf(ZORG[1]!))
        .execute(),
    ).toEqual([{ theme_id: stage, contribution_id: idOf(ZORG[1]!) }]);
    // Merging a theme into itself is not a merge.
    const self = await mergeThemes(scope, harvestId, { from: stage, into: stage });
    expect(self.ok).toBe(false);
    expect(!self.ok && self.fieldErrors?.into?.key).toBe("harvestThemes.chooseOther");
  });

  it("splits chosen contributions into a new theme right after the old one", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const { harvestId, idOf } = await harvestWith(t.db, scope, mixed);
    await proposeThemes(scope, harvestId);
    const zorg = (await themeOf(t.db, idOf(ZORG[0]!))).theme_id!;
    const chosen = [idOf(ZORG[1]!), idOf(ZORG[2]!)];
    const split = await splitTheme(scope, harvestId, {
      themeId: zorg,
      contributionIds: chosen,
      label: "Werkdruk",
    });
    expect(split.ok).toBe(true);
    const created = split.ok ? split.value.themeId : "";
    for (const id of chosen)
      expect(await themeOf(t.db, id)).toMatchObject({
        theme_id: created,
        label: "Werkdruk",
        origin: "curated",
        theme_locked: true,
      });
    expect(await themeOf(t.db, idOf(ZORG[0]!))).toMatchObject({
      theme_id: zorg,
      origin: "curated",
    });
    const overview = (await themeOverview(scope, harvestId))!;
    const order = overview.themes.map((th) => th.id);
    expect(order.indexOf(created)).toBe(order.indexOf(zorg) + 1);
    expect(overview.themes.find((th) => th.id === created)!.count).toBe(2);

    // Nothing chosen, no name, or a contribution of another theme.
    const none = await splitTheme(scope, harvestId, { themeId: zorg, label: "Leeg" });
    expect(!none.ok && none.fieldErrors?.contributionIds?.key).toBe(
      "harvestThemes.chooseContributions",
    );
    const nameless = await splitTheme(scope, harvestId, {
      themeId: zorg,
      contributionIds: idOf(ZORG[0]!),
      label: " ",
    });
    expect(!nameless.ok && nameless.fieldErrors?.label?.key).toBe("validation.required");
    const foreign = await splitTheme(scope, harvestId, {
      themeId: zorg,
      contributionIds: [idOf(STAGE[0]!)],
      label: "Stage",
    });
    expect(foreign).toMatchObject({ ok: false, error: { key: "errors.notFound" } });
  });

  it("moves one contribution, files themes under a strategic theme, and reorders", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const { harvestId, idOf } = await harvestWith(t.db, scope, mixed);
    await proposeThemes(scope, harvestId);
    const stage = (await themeOf(t.db, idOf(STAGE[0]!))).theme_id!;
    const energie = (await themeOf(t.db, idOf(ENERGIE[0]!))).theme_id!;
    expect(
      await moveContribution(scope, harvestId, {
        contributionId: idOf(STAGE[3]!),
        themeId: energie,
      }),
    ).toEqual({ ok: true, value: { themeId: energie } });
    expect(await themeOf(t.db, idOf(STAGE[3]!))).toMatchObject({
      theme_id: energie,
      theme_locked: true,
      origin: "curated",
    });

    expect(
      (await setStrategicTheme(scope, harvestId, { themeId: stage, strategicTheme: "Leercultuur" }))
        .ok,
    ).toBe(true);
    const unknown = await setStrategicTheme(scope, harvestId, {
      themeId: stage,
      strategicTheme: "Iets anders",
    });
    expect(!unknown.ok && unknown.fieldErrors?.strategicTheme?.key).toBe("validation.choice");
    let overview = (await themeOverview(scope, harvestId))!;
    expect(overview.themes.find((th) => th.id === stage)).toMatchObject({
      strategicTheme: "Leercultuur",
      origin: "curated",
    });

    const ids = overview.themes.map((th) => th.id);
    const reversed = [...ids].reverse();
    expect(await reorderThemes(scope, harvestId, { order: reversed })).toEqual({
      ok: true,
      value: { order: reversed },
    });
    overview = (await themeOverview(scope, harvestId))!;
    expect(overview.themes.map((th) => th.id)).toEqual(reversed);
    await moveTheme(scope, harvestId, { themeId: reversed[1], direction: "up" });
    overview = (await themeOverview(scope, harvestId))!;
    expect(overview.themes.map((th) => th.id)).toEqual([reversed[1], reversed[0], reversed[2]]);
  });

  it("answers not found to another region's organiser for every function, and forbids a facilitator", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const { harvestId, idOf } = await harvestWith(t.db, scope, mixed);
    await proposeThemes(scope, harvestId);
    const themeId = (await themeOf(t.db, idOf(STAGE[0]!))).theme_id!;
    const contributionId = idOf(STAGE[0]!);
    const before = await t.db
      .selectFrom("harvest_themes")
      .selectAll()
      .where("harvest_id", "=", harvestId)
      .orderBy("id")
      .execute();

    const other = (await makeScope(t.db, "organiser")).scope;
    const notFound = { ok: false, error: { key: "errors.notFound" } };
    const calls = (s: RegionScope) => [
      proposeThemes(s, harvestId),
      acceptTheme(s, harvestId, { themeId }),
      renameTheme(s, harvestId, { themeId, label: "Weg" }),
      mergeThemes(s, harvestId, { from: [themeId], into: themeId }),
      splitTheme(s, harvestId, { themeId, contributionIds: [contributionId], label: "Weg" }),
      moveContribution(s, harvestId, { contributionId, themeId: "" }),
      setStrategicTheme(s, harvestId, { themeId, strategicTheme: "" }),
      setThemeSummary(s, harvestId, { themeId, summary: "Weg" }),
      reorderThemes(s, harvestId, { order: [themeId] }),
      moveTheme(s, harvestId, { themeId, direction: "down" }),
    ];
    for (const result of await Promise.all(calls(other))) expect(result).toMatchObject(notFound);
    expect(await themeOverview(other, harvestId)).toBeNull();

    // The other region's own harvest with the first one's theme and contribution ids.
    const own = await harvestWith(t.db, other, ["Stage in de zorg", "Stage in de zorg"]);
    for (const result of [
      await acceptTheme(other, own.harvestId, { themeId }),
      await renameTheme(other, own.harvestId, { themeId, label: "Weg" }),
      await moveContribution(other, own.harvestId, { contributionId, themeId: "" }),
      await setThemeSummary(other, own.harvestId, { themeId, summary: "Weg" }),
    ])
      expect(result).toMatchObject(notFound);

    const { scope: facilitator } = await makeScope(t.db, "facilitator");
    expect(
      await proposeThemes({ ...facilitator, regionId: scope.regionId }, harvestId),
    ).toMatchObject({ ok: false, error: { key: "errors.forbidden" } });
    // Malformed ids are not found either.
    expect(await proposeThemes(scope, "not-an-id")).toMatchObject(notFound);
    expect(await acceptTheme(scope, harvestId, { themeId: "x" })).toMatchObject(notFound);

    expect(
      await t.db
        .selectFrom("harvest_themes")
        .selectAll()
        .where("harvest_id", "=", harvestId)
        .orderBy("id")
        .execute(),
    ).toEqual(before);
    expect((await themeOf(t.db, contributionId)).theme_id).toBe(themeId);
  });
});
