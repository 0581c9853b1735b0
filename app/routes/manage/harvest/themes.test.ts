import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../../test/client.ts";
import { makeScope, TEST_PASSWORD } from "../../../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../../../test/server.ts";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

const TEXTS = [
  "Meer stageplaatsen bij bedrijven in de regio",
  "Zorgpersoneel vasthouden en opleiden",
  "Warmtenet in de wijk aanleggen",
  "Stage voor studenten is lastig te vinden",
  "De werkdruk van het zorgpersoneel verlagen",
  "Energie besparen met een warmtenet",
  "Te weinig stageplaatsen voor mbo-studenten <script>alert(1)</script>",
  "Werkdruk in de zorg is te hoog",
  "Energietransitie: warmtenetten en isolatie",
  "Goede begeleiding tijdens de stage",
  "Minder werkdruk voor het zorgpersoneel",
  "Energie delen in de buurt met een warmtenet",
];

let counter = 0;

/** An organiser, signed in, with a harvest of twelve contributions on three obvious themes. */
async function organiserWithHarvest() {
  const made = await makeScope(s.db, "organiser");
  const harvest = await s.db
    .insertInto("harvests")
    .values({
      region_id: made.region.id,
      slug: `oogst-${counter++}`,
      title: "Ontwikkelsessies 2021",
      strategic_themes: JSON.stringify(["De kandidaat centraal", "Leercultuur"]),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const rows = await s.db
    .insertInto("contributions")
    .values(
      TEXTS.map((text, i) => ({
        harvest_id: harvest.id,
        region_id: made.region.id,
        text,
        origin: "manual" as const,
        sector: i % 2 ? "mbo" : "company",
        created_at: new Date(Date.UTC(2021, 0, 1, 0, 0, i)),
      })),
    )
    .returning(["id", "text"])
    .execute();
  const client = new TestClient(s.url);
  await client.signIn(made.user.email, TEST_PASSWORD);
  const page = `/manage/${made.region.slug}/harvest/${harvest.id}/themes`;
  return { ...made, client, page, harvestId: harvest.id, idOf: (i: number) => rows[i]!.id };
}

async function themeOf(contributionId: string) {
  return s.db
    .selectFrom("contributions as c")
    .leftJoin("harvest_themes as t", "t.id", "c.theme_id")
    .select(["c.theme_id", "c.theme_locked", "t.label", "t.origin"])
    .where("c.id", "=", contributionId)
    .executeTakeFirstOrThrow();
}

describe("the themes page", () => {
  it("proposes themes with plain posts and shows each with its origin, count and sector mix", async () => {
    const { client, page, idOf } = await organiserWithHarvest();
    const empty = await (await client.get(page)).text();
    expect(empty).toContain("Thema&#x27;s voorstellen");
    expect(empty).toContain("12 bijdragen; thema&#x27;s: 0, zonder thema: 12.");

    const res = await client.post(page, { _intent: "propose" });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`${page}?done=proposed`);
    const html = await (await client.get(`${page}?done=proposed`)).text();
    expect(html).toContain("Thema&#x27;s voorgesteld");
    expect(html).toContain("Voorgesteld");
    expect(html).toContain("Sectoren in");
    expect(html).toContain("Mbo-instelling");
    expect(html).toContain('name="strategicTheme"');
    expect(html).toContain("Leercultuur");
    // Texts are text: the markup in a contribution is shown, never run.
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // A checkbox per contribution belongs to its theme's selection form (move many, split).
    const stage = (await themeOf(idOf(0))).theme_id!;
    expect(html).toContain(`form="select-form-${stage}"`);
    expect(html).toContain(`id="select-form-${stage}"`);
  });

  // Issue 15, point 17: theme curation at scale.
  it("moves many ticked contributions in one post, also to a strategic theme, and folds each theme's rows", async () => {
    const { client, page, idOf, harvestId } = await organiserWithHarvest();
    await client.post(page, { _intent: "propose" });
    const stage = (await themeOf(idOf(0))).theme_id!;
    const html = await (await client.get(page)).text();
    // The strategic themes entered with the harvest are targets; rows are folded per theme and
    // there is no move form per row (one select per section, not one per contribution).
    expect(html).toContain(`value="strategic:Leercultuur"`);
    expect(html).toContain("Leercultuur (strategisch thema)");
    // A small harvest shows every theme's rows.
    expect(html.match(/<details[^>]* open/g)?.length).toBeGreaterThanOrEqual(3);
    expect(html.match(/name="target"/g)?.length).toBe(html.match(/id="select-form-/g)?.length);
    expect(html).not.toContain('name="contributionId"');

    // Three contributions to a strategic theme no theme carries yet: one theme made for it.
    let res = await client.post(page, {
      _intent: "moveMany",
      open: stage,
      contributionIds: [idOf(0), idOf(3), idOf(6)],
      target: "strategic:Leercultuur",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(
      `${page}?done=movedMany&theme=${stage}#theme-${stage}`,
    );
    const moved = await Promise.all([0, 3, 6].map((i) => themeOf(idOf(i))));
    expect(new Set(moved.map((m) => m.theme_id)).size).toBe(1);
    expect(moved[0]).toMatchObject({ label: "Leercultuur", origin: "curated", theme_locked: true });
    const made = await s.db
      .selectFrom("harvest_themes")
      .select(["id", "strategic_theme"])
      .where("harvest_id", "=", harvestId)
      .where("label", "=", "Leercultuur")
      .execute();
    expect(made).toEqual([{ id: moved[0]!.theme_id, strategic_theme: "Leercultuur" }]);
    // Again to the same strategic theme: the theme that carries it now, not a second one.
    res = await client.post(page, {
      _intent: "moveMany",
      contributionIds: idOf(9),
      target: "strategic:Leercultuur",
    });
    expect(res.status).toBe(302);
    expect((await themeOf(idOf(9))).theme_id).toBe(moved[0]!.theme_id);
    // A big one folds them; the opened section shows its rows, the others stay folded.
    const { region_id } = await s.db
      .selectFrom("harvests")
      .select("region_id")
      .where("id", "=", harvestId)
      .executeTakeFirstOrThrow();
    await s.db
      .insertInto("contributions")
      .values(
        Array.from({ length: 30 }, (_, i) => ({
          harvest_id: harvestId,
          region_id,
          text: `Nog een bijdrage ${i}`,
          origin: "manual" as const,
        })),
      )
      .execute();
    expect(await (await client.get(page)).text()).not.toMatch(/<details[^>]* open/);
    const after = await (await client.get(`${page}?theme=${moved[0]!.theme_id}`)).text();
    expect(after.match(/<details[^>]* open/g)).toHaveLength(1);

    // To no theme, and to a theme, many at once.
    res = await client.post(page, {
      _intent: "moveMany",
      contributionIds: [idOf(0), idOf(1)],
      target: "",
    });
    expect(res.status).toBe(302);
    expect((await themeOf(idOf(1))).theme_id).toBeNull();
    // Nothing ticked says so; a tampered id or target changes nothing.
    res = await client.post(page, { _intent: "moveMany", target: stage });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Vink minstens één bijdrage aan");
    res = await client.post(page, {
      _intent: "moveMany",
      contributionIds: [idOf(2), "00000000-0000-4000-8000-000000000000"],
      target: stage,
    });
    expect(res.status).toBe(404);
    res = await client.post(page, {
      _intent: "moveMany",
      contributionIds: idOf(2),
      target: "strategic:Nep",
    });
    expect(res.status).toBe(404);
    expect((await themeOf(idOf(2))).theme_id).not.toBe(stage);
  });

  it("publishing with proposed themes nobody reviewed warns, lists them and asks to confirm", async () => {
    const { client, page, idOf, harvestId } = await organiserWithHarvest();
    await client.post(page, { _intent: "propose" });
    const stage = (await themeOf(idOf(0))).theme_id!;
    const proposed = await s.db
      .selectFrom("harvest_themes")
      .select(["id", "label"])
      .where("origin", "=", "proposed")
      .where("id", "=", stage)
      .executeTakeFirstOrThrow();
    const publication = page.replace(/\/themes$/, "/publication");
    const html = await (await client.get(publication)).text();
    expect(html).toContain("Nog niet bekeken");
    expect(html).toContain(`#theme-${stage}`);
    expect(html).toContain('name="confirmUnreviewed"');

    let res = await client.post(publication, { _intent: "publish" });
    expect(res.status).toBe(400);
    const refused = await res.text();
    expect(refused).toContain("Er zijn voorgestelde thema&#x27;s die nog niemand bekeek");
    expect(refused).toContain(proposed.label);
    expect(refused).toContain("Vink aan dat je toch wilt publiceren");
    res = await client.post(publication, { _intent: "publish", confirmUnreviewed: "on" });
    expect(res.headers.get("Location")).toContain("done=published");
    await client.post(publication, { _intent: "unpublish" });

    // Once every theme is reviewed, publishing asks nothing more.
    const all = await s.db
      .selectFrom("harvest_themes")
      .select("id")
      .where("origin", "=", "proposed")
      .where("harvest_id", "=", harvestId)
      .execute();
    for (const th of all) await client.post(page, { _intent: "accept", themeId: th.id });
    expect(await (await client.get(publication)).text()).not.toContain("Nog niet bekeken");
    res = await client.post(publication, { _intent: "publish" });
    expect(res.headers.get("Location")).toContain("done=published");
  });

  it("accepts, renames, files under a strategic theme, merges, splits and moves", async () => {
    const { client, page, idOf } = await organiserWithHarvest();
    await client.get(page);
    await client.post(page, { _intent: "propose" });
    const stage = (await themeOf(idOf(0))).theme_id!;
    const zorg = (await themeOf(idOf(1))).theme_id!;
    const energie = (await themeOf(idOf(2))).theme_id!;

    let res = await client.post(page, { _intent: "accept", themeId: stage });
    expect(res.headers.get("Location")).toBe(`${page}?done=accepted#theme-${stage}`);
    expect(await themeOf(idOf(3))).toMatchObject({ origin: "curated", theme_locked: true });

    res = await client.post(page, { _intent: "rename", themeId: zorg, label: "Zorgpersoneel" });
    expect(res.status).toBe(302);
    res = await client.post(page, {
      _intent: "strategic",
      themeId: zorg,
      strategicTheme: "Leercultuur",
    });
    expect(res.status).toBe(302);
    const renamed = await (await client.get(page)).text();
    expect(renamed).toContain("Zorgpersoneel");
    expect(renamed).toContain("Vastgesteld");

    // An unknown strategic theme is a message, not a change.
    res = await client.post(page, { _intent: "strategic", themeId: zorg, strategicTheme: "Nep" });
    expect(res.status).toBe(400);

    res = await client.post(page, {
      _intent: "split",
      themeId: zorg,
      label: "Werkdruk",
      contributionIds: [idOf(4), idOf(7)],
    });
    expect(res.status).toBe(302);
    expect(await themeOf(idOf(4))).toMatchObject({ label: "Werkdruk", theme_locked: true });
    // Splitting with nothing ticked says so.
    res = await client.post(page, { _intent: "split", themeId: zorg, label: "Leeg" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Vink minstens één bijdrage aan");

    res = await client.post(page, { _intent: "move", contributionId: idOf(5), themeId: stage });
    expect(res.headers.get("Location")).toBe(`${page}?done=moved#theme-${stage}`);
    expect(await themeOf(idOf(5))).toMatchObject({ theme_id: stage, theme_locked: true });
    res = await client.post(page, { _intent: "move", contributionId: idOf(8), themeId: "" });
    expect(res.headers.get("Location")).toBe(`${page}?done=moved#unthemed`);

    res = await client.post(page, { _intent: "merge", themeId: energie, into: stage });
    expect(res.headers.get("Location")).toBe(`${page}?done=merged#theme-${stage}`);
    expect((await themeOf(idOf(2))).theme_id).toBe(stage);

    // A new proposal leaves all of this exactly as it is.
    const before = await Promise.all(TEXTS.map((_, i) => themeOf(idOf(i))));
    await client.post(page, { _intent: "propose" });
    expect(await Promise.all(TEXTS.map((_, i) => themeOf(idOf(i))))).toEqual(before);

    const html = await (await client.get(page)).text();
    expect(html).toContain("Zonder thema");
    expect(html).toContain("Werkdruk");
  });

  it("is not found for another region's organiser, whatever is posted, and forbidden to a facilitator", async () => {
    const { page, harvestId, idOf } = await organiserWithHarvest();
    const stranger = await makeScope(s.db, "organiser");
    const client = new TestClient(s.url);
    await client.signIn(stranger.user.email, TEST_PASSWORD);
    expect((await client.get(page)).status).toBe(404);
    const own = `/manage/${stranger.region.slug}/harvest/${harvestId}/themes`;
    expect((await client.get(own)).status).toBe(404);
    const posts: Record<string, string>[] = [
      { _intent: "propose" },
      { _intent: "move", contributionId: idOf(0), themeId: "" },
    ];
    for (const fields of posts) {
      expect((await client.post(page, fields)).status).toBe(404);
      expect((await client.post(own, fields)).status).toBe(404);
    }
    expect((await themeOf(idOf(0))).theme_id).toBeNull();

    const facilitator = await makeScope(s.db, "facilitator");
    const other = new TestClient(s.url);
    await other.signIn(facilitator.user.email, TEST_PASSWORD);
    const theirs = `/manage/${facilitator.region.slug}/harvest/${harvestId}/themes`;
    expect((await other.get(theirs)).status).toBe(403);
  });
});
