import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../test/client.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "../../test/fixtures.ts";
import { makeEvent, makeHarvest, makeHarvestSession } from "../../test/harvest.ts";
import { startTestServer, type TestServer } from "../../test/server.ts";
import { createAction } from "../actions/createAction.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { changePhase } from "./changePhase.ts";
import { createChallenge } from "./createChallenge.ts";
import { linkActivity } from "./linkActivity.ts";
import { rateChallenge } from "./rateChallenge.ts";
import { setAmbition } from "./setAmbition.ts";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

async function challenge(scope: RegionScope, input: Record<string, unknown>) {
  const r = await createChallenge(scope, input);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

async function org(scope: RegionScope, name: string, sector: string) {
  return scope.db
    .insertInto("organisations")
    .values({ region_id: scope.regionId, name, sector })
    .returning("id")
    .executeTakeFirstOrThrow();
}

describe("public challenge pages", () => {
  it("show a published challenge with its public activities and aggregated urgency, nothing of the rest", async () => {
    const { scope, region } = await makeScope(s.db, "organiser");
    const open = await challenge(scope, {
      title: "Genoeg zorgpersoneel in de wijk",
      guidingQuestion: "Hoe houden we de zorg in de wijk overeind?",
      whyUrgent: "Een op de vier vacatures blijft open.",
      geography: "Tiel, Culemborg",
      published: "on",
    });
    await challenge(scope, { title: "Nog niet openbaar", published: "" });

    const shown = await makeEvent(scope, "Open werkplaats zorg");
    await s.db
      .updateTable("events")
      .set({ status: "published" })
      .where("id", "=", shown.id)
      .execute();
    const draft = await makeEvent(scope, "Interne voorbereiding");
    const harvest = await makeHarvest(scope, { title: "Oogst zorgdialoog" });
    await s.db
      .updateTable("harvests")
      .set({ publication_public: true, publication_title: "Wat de wijk zei" })
      .where("id", "=", harvest.id)
      .execute();
    const { sessionId } = await makeHarvestSession(scope, { title: "Sessie met bewoners" });
    const action = await createAction(scope, { title: "Geheime actie", status: "idea" });
    if (!action.ok) throw new Error(JSON.stringify(action));
    for (const [kind, id] of [
      ["event", shown.id],
      ["event", draft.id],
      ["harvest", harvest.id],
      ["session", sessionId],
      ["action", action.value.id],
    ] as const)
      expect((await linkActivity(scope, open.id, { kind, id })).ok).toBe(true);
    expect(
      (await changePhase(scope, open.id, { phase: "2", reason: "Partners melden zich" })).ok,
    ).toBe(true);
    const roc = await org(scope, "ROC Rivierenland", "mbo");
    const gemeente = await org(scope, "Gemeente Tiel", "government");
    const gemeente2 = await org(scope, "Gemeente Culemborg", "government");
    for (const [o, urgency] of [
      [roc.id, 5],
      [gemeente.id, 4],
      [gemeente2.id, 2],
    ] as const)
      expect(
        (
          await rateChallenge(scope, open.id, {
            organisationId: o,
            urgency: String(urgency),
            importance: "4",
            why: "Vertrouwelijke toelichting",
          })
        ).ok,
      ).toBe(true);
    expect((await setAmbition(scope, open.id, { now: "2", desired: "4" })).ok).toBe(true);

    const client = new TestClient(s.url);
    const list = await client.get(`/r/${region.slug}/challenges`);
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain("Genoeg zorgpersoneel in de wijk");
    expect(listHtml).toContain("Hoe houden we de zorg in de wijk overeind?");
    expect(listHtml).not.toContain("Nog niet openbaar");

    const home = await (await client.get(`/r/${region.slug}`)).text();
    expect(home).toContain(`/r/${region.slug}/challenges/${open.slug}`);
    expect(home).not.toContain("Nog niet openbaar");

    const page = await client.get(`/r/${region.slug}/challenges/${open.slug}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Een op de vier vacatures blijft open.");
    expect(html).toContain("Tiel, Culemborg");
    expect(html).toContain("Partners melden zich");
    expect(html).toContain(`/r/${region.slug}/events/`);
    expect(html).toContain("Open werkplaats zorg");
    expect(html).toContain(`/r/${region.slug}/publication/${harvest.slug}`);
    expect(html).toContain("Wat de wijk zei");
    // The rest only as numbers: no titles of drafts, sessions or actions, no who-said-what.
    for (const secret of [
      "Interne voorbereiding",
      "Sessie met bewoners",
      "Geheime actie",
      "Vertrouwelijke toelichting",
      "ROC Rivierenland",
      "Gemeente Tiel",
    ])
      expect(html).not.toContain(secret);
    // The government's two ratings (4 and 2) as one mean.
    expect(html).toMatch(/andere overheid[\s\S]*?>2<[\s\S]*?>3</i);
    expect(html).toContain("Actueel curriculum");
  });

  it("answers an unpublished challenge, another region's and an unknown address alike: 404", async () => {
    const { scope, region } = await makeScope(s.db, "organiser");
    const other = await makeScope(s.db, "organiser");
    const draft = await challenge(scope, { title: "Concept", published: "" });
    const elsewhere = await challenge(other.scope, { title: "Elders", published: "on" });
    const client = new TestClient(s.url);
    for (const path of [
      `/r/${region.slug}/challenges/${draft.slug}`,
      `/r/${region.slug}/challenges/${elsewhere.slug}`,
      `/r/${region.slug}/challenges/bestaat-niet`,
      `/r/bestaat-niet/challenges`,
    ])
      expect((await client.get(path)).status, path).toBe(404);
    expect(await (await client.get(`/r/${region.slug}/challenges`)).text()).not.toContain("Elders");
  });
});

describe("an activity's page, the other way round", () => {
  it("lists the challenges the event, session, harvest, action and coalition serve, with links", async () => {
    const { scope, region } = await makeScope(s.db, "organiser");
    const user = await makeUser(s.db);
    await s.db
      .insertInto("memberships")
      .values({ user_id: user.id, region_id: region.id, role: "organiser" })
      .execute();
    const served = await challenge(scope, { title: "Leven lang ontwikkelen" });
    await challenge(scope, { title: "Niet gekoppeld" });
    const event = await makeEvent(scope, "Werkplaats");
    const harvest = await makeHarvest(scope);
    const { sessionId } = await makeHarvestSession(scope);
    const action = await createAction(scope, { title: "Pilot", status: "idea" });
    if (!action.ok) throw new Error(JSON.stringify(action));
    const coalition = await s.db
      .insertInto("coalitions")
      .values({ region_id: region.id, title: "Coalitie leren" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const pages = {
      event: [event.id, `events/${event.id}`],
      session: [sessionId, `dialogue/${sessionId}/results`],
      harvest: [harvest.id, `harvest/${harvest.id}`],
      action: [action.value.id, `actions/${action.value.id}`],
      coalition: [coalition.id, `coalitions/${coalition.id}`],
    } as const;
    const client = new TestClient(s.url);
    await client.signIn(user.email, TEST_PASSWORD);
    for (const [kind, [id, path]] of Object.entries(pages) as [
      keyof typeof pages,
      (typeof pages)[keyof typeof pages],
    ][]) {
      const before = await (await client.get(`/manage/${region.slug}/${path}`)).text();
      expect(before, kind).toContain("Deze activiteit hoort nog niet bij een opgave.");
      expect((await linkActivity(scope, served.id, { kind, id })).ok).toBe(true);
      const page = await client.get(`/manage/${region.slug}/${path}`);
      expect(page.status, kind).toBe(200);
      const html = await page.text();
      expect(html, kind).toContain("Hoort bij opgave(n)");
      expect(html, kind).toContain(`/manage/${region.slug}/challenges/${served.id}`);
      expect(html, kind).toContain("Leven lang ontwikkelen");
      expect(html, kind).not.toContain("Niet gekoppeld");
    }
  });
});
