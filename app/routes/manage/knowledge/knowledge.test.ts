import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommunity } from "../../../../core/knowledge/communities.ts";
import { TestClient } from "../../../../test/client.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "../../../../test/fixtures.ts";
import { makeEvent } from "../../../../test/harvest.ts";
import { startTestServer, type TestServer } from "../../../../test/server.ts";

let s: TestServer;
let a: Awaited<ReturnType<typeof makeScope>>;
let organiser: TestClient;

beforeAll(async () => {
  s = await startTestServer();
  a = await makeScope(s.db, "organiser");
  organiser = new TestClient(s.url);
  await organiser.signIn(a.user.email, TEST_PASSWORD);
});
afterAll(async () => {
  await s.close();
});

const visible = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("knowledge pages", () => {
  it("lets an organiser write, publish and share an entry, shown sanitised on its page", async () => {
    const base = `/manage/${a.region.slug}/knowledge`;
    const refused = await organiser.post(`${base}/new`, { kind: "lesson", title: "" });
    expect(refused.status).toBe(400);
    expect(visible(await refused.text())).toContain("Vul dit veld in.");
    const created = await organiser.post(`${base}/new`, {
      kind: "lesson",
      title: "Werk vanuit vertrouwen op locatie",
      summary: "Samen op de plek van de opgave.",
      bodyMd: "**Vertrouwen** groeit.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))",
      "essentials[]": ["network"],
      language: "nl",
    });
    expect(created.status).toBe(302);
    const page = created.headers.get("Location")!.split("?")[0]!;
    let html = await (await organiser.get(page)).text();
    expect(html).toContain("<strong>Vertrouwen</strong>");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain('href="javascript');
    expect(visible(html)).toContain("Netwerkvorming");
    expect((await organiser.post(page, { _intent: "publish" })).status).toBe(302);
    const community = await createCommunity(a.scope, { name: "Netwerk zorg en welzijn" });
    if (!community.ok) throw new Error("community");
    const noOne = await organiser.post(page, { _intent: "share", visibility: "shared" });
    expect(noOne.status).toBe(400);
    expect(visible(await noOne.text())).toContain("Kies minstens één regio of leergemeenschap");
    const shared = await organiser.post(page, {
      _intent: "share",
      visibility: "shared",
      "communityIds[]": [community.value.id],
    });
    expect(shared.status).toBe(302);
    html = await (await organiser.get(page)).text();
    expect(visible(html)).toContain("Gedeeld met: Netwerk zorg en welzijn");
  });

  it("makes a draft lesson from a publication paragraph, its origin linked", async () => {
    const harvest = await s.db
      .insertInto("harvests")
      .values({ region_id: a.region.id, slug: `oogst-${Date.now()}`, title: "Oogst wijkzorg" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const theme = await s.db
      .insertInto("harvest_themes")
      .values({ harvest_id: harvest.id, label: "Blijven na het project", summary: "Borging." })
      .returning("id")
      .executeTakeFirstOrThrow();
    const res = await organiser.post(`/manage/${a.region.slug}/knowledge/draft`, {
      from: "publication",
      themeId: theme.id,
    });
    expect(res.status).toBe(302);
    const html = visible(await (await organiser.get(res.headers.get("Location")!)).text());
    expect(html).toContain("Blijven na het project");
    expect(html).toContain("Thema van een oogst: Blijven na het project");
    expect(html).toContain("Oogst: Oogst wijkzorg");
  });

  it("exports the region's entries and lets a member read but not write", async () => {
    const csv = await organiser.get(`/manage/${a.region.slug}/knowledge/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Disposition")).toContain("kennisbank-");
    expect(await csv.text()).toContain("Werk vanuit vertrouwen op locatie");
    const user = await makeUser(s.db);
    await s.db
      .insertInto("memberships")
      .values({ user_id: user.id, region_id: a.region.id, role: "member" })
      .execute();
    const member = new TestClient(s.url);
    await member.signIn(user.email, TEST_PASSWORD);
    expect((await member.get(`/manage/${a.region.slug}/knowledge/new`)).status).toBe(403);
    expect((await member.get(`/manage/${a.region.slug}/knowledge/export.csv`)).status).toBe(403);
    expect(
      (await member.post(`/manage/${a.region.slug}/knowledge/new`, { kind: "lesson", title: "x" }))
        .status,
    ).toBe(403);
  });

  it("runs a learning community: members, a meeting, leaving", async () => {
    const b = await makeScope(s.db, "organiser");
    const list = `/manage/${a.region.slug}/communities`;
    const made = await organiser.post(list, { name: "Leergemeenschap hbo-mbo", description: "" });
    expect(made.status).toBe(302);
    const page = made.headers.get("Location")!.split("?")[0]!;
    const unknown = await organiser.post(page, {
      _intent: "addMember",
      regionSlug: "bestaat-niet",
    });
    expect(visible(await unknown.text())).toContain("Er is geen regio met dit adres.");
    expect(
      (await organiser.post(page, { _intent: "addMember", regionSlug: b.region.slug })).status,
    ).toBe(302);
    const event = await makeEvent(a.scope, "Netwerkbijeenkomst leergemeenschap");
    expect((await organiser.post(page, { _intent: "linkMeeting", eventId: event.id })).status).toBe(
      302,
    );
    const html = visible(await (await organiser.get(page)).text());
    expect(html).toContain(b.region.name);
    expect(html).toContain("Netwerkbijeenkomst leergemeenschap");
    const clientB = new TestClient(s.url);
    await clientB.signIn(b.user.email, TEST_PASSWORD);
    const pageB = page.replace(a.region.slug, b.region.slug);
    expect((await clientB.get(pageB)).status).toBe(200);
    const left = await clientB.post(pageB, { _intent: "removeMember", regionId: b.region.id });
    expect(left.headers.get("Location")).toContain("done=left");
    expect((await clientB.get(pageB)).status).toBe(404);
  });
});
