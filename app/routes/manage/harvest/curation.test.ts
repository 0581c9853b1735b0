import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../../test/client.ts";
import { makeScope, TEST_PASSWORD } from "../../../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../../../test/server.ts";

/**
 * A theme a person touched on any page is curated, so proposing themes again keeps it with all
 * that hangs from it. Each edit goes through the page that makes it in production (issue 9: the
 * summary written on the publication page used to leave its theme 'proposed', and the next
 * proposal deleted it with its quotes and action links).
 */

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
  "Te weinig stageplaatsen voor mbo-studenten",
  "Werkdruk in de zorg is te hoog",
  "Energietransitie: warmtenetten en isolatie",
  "Goede begeleiding tijdens de stage",
  "Minder werkdruk voor het zorgpersoneel",
  "Energie delen in de buurt met een warmtenet",
];

let counter = 0;

/** A signed-in organiser with a harvest whose themes were just proposed, none touched yet. */
async function proposedHarvest() {
  const made = await makeScope(s.db, "organiser");
  const harvest = await s.db
    .insertInto("harvests")
    .values({ region_id: made.region.id, slug: `oogst-${counter++}`, title: "Oogst" })
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
        created_at: new Date(Date.UTC(2021, 0, 1, 0, 0, i)),
      })),
    )
    .returning("id")
    .execute();
  const client = new TestClient(s.url);
  await client.signIn(made.user.email, TEST_PASSWORD);
  const harvestBase = `/manage/${made.region.slug}/harvest/${harvest.id}`;
  const propose = async () => {
    const res = await client.post(`${harvestBase}/themes`, { _intent: "propose" });
    expect(res.status).toBe(302);
  };
  await propose();
  const contribution = rows[0]!.id;
  const { theme_id } = await s.db
    .selectFrom("contributions")
    .select("theme_id")
    .where("id", "=", contribution)
    .executeTakeFirstOrThrow();
  const themeId = theme_id!;
  const theme = () =>
    s.db
      .selectFrom("harvest_themes")
      .select(["id", "origin", "summary"])
      .where("id", "=", themeId)
      .executeTakeFirst();
  expect((await theme())?.origin).toBe("proposed");
  return {
    client,
    propose,
    theme,
    themeId,
    contribution,
    harvestBase,
    actionsBase: `/manage/${made.region.slug}/actions`,
  };
}

const location = (res: Response) => res.headers.get("Location") ?? "";

describe("a theme touched outside the themes page survives proposing again", () => {
  it("keeps a theme whose summary was written on the publication page", async () => {
    const { client, propose, theme, themeId, harvestBase } = await proposedHarvest();
    const res = await client.post(`${harvestBase}/publication`, {
      _intent: "summary",
      themeId,
      summary: "Stages die passen",
    });
    expect(res.status).toBe(302);
    await propose();
    expect(await theme()).toEqual({ id: themeId, origin: "curated", summary: "Stages die passen" });
  });

  it("keeps a theme and its quote chosen on the page behind the paragraph", async () => {
    const { client, propose, theme, themeId, contribution, harvestBase } = await proposedHarvest();
    const res = await client.post(`${harvestBase}/publication/themes/${themeId}`, {
      quote: contribution,
    });
    expect(res.status).toBe(302);
    await propose();
    expect((await theme())?.origin).toBe("curated");
    const quotes = await s.db
      .selectFrom("harvest_quotes")
      .select("contribution_id")
      .where("theme_id", "=", themeId)
      .execute();
    expect(quotes).toEqual([{ contribution_id: contribution }]);
  });

  it("keeps a theme and its link to an action linked on the action's page", async () => {
    const { client, propose, theme, themeId, actionsBase } = await proposedHarvest();
    let res = await client.post(actionsBase, { _intent: "create", title: "Stagebank" });
    expect(res.status).toBe(302);
    const actionUrl = location(res).replace(/\?.*$/, "");
    res = await client.post(actionUrl, { _intent: "linkTheme", themeId });
    expect(res.status).toBe(302);
    await propose();
    expect((await theme())?.origin).toBe("curated");
    const actionId = actionUrl.split("/").pop()!;
    const links = await s.db
      .selectFrom("action_sources")
      .select("theme_id")
      .where("action_id", "=", actionId)
      .execute();
    expect(links).toEqual([{ theme_id: themeId }]);
  });

  it("keeps a theme an action was made from", async () => {
    const { client, propose, theme, themeId, actionsBase } = await proposedHarvest();
    const res = await client.post(actionsBase, {
      _intent: "create",
      themeId,
      title: "Stagebank",
    });
    expect(res.status).toBe(302);
    const actionId = location(res).replace(/\?.*$/, "").split("/").pop()!;
    await propose();
    expect((await theme())?.origin).toBe("curated");
    const links = await s.db
      .selectFrom("action_sources")
      .select("theme_id")
      .where("action_id", "=", actionId)
      .execute();
    expect(links).toEqual([{ theme_id: themeId }]);
  });
});
