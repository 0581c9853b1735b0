import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../../test/client.ts";
import { makeRegion, makeScope, makeUser, TEST_PASSWORD } from "../../../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../../../test/server.ts";

/**
 * The knowledge base's two search pages (issue 13): the region's index (/manage/:slug/knowledge)
 * and the public search (/r/:slug/knowledge), both GET forms that work without JavaScript.
 */
let s: TestServer;
let a: { id: string; slug: string; name: string };
let b: { id: string; slug: string; name: string };
let organiser: TestClient;

let n = 0;
async function entry(
  regionId: string,
  title: string,
  values: {
    summary?: string;
    kind?: "lesson" | "practice" | "method";
    sectors?: string[];
    status?: "draft" | "published";
    visibility?: "region" | "shared" | "public";
  } = {},
) {
  const row = await s.db
    .insertInto("knowledge_entries")
    .values({
      region_id: regionId,
      slug: `kennis-${n++}`,
      kind: values.kind ?? "lesson",
      title,
      summary: values.summary ?? "",
      sectors: values.sectors ?? [],
      status: values.status ?? "published",
      visibility: values.visibility ?? "region",
      updated_at: new Date(Date.UTC(2026, 0, 1 + n)),
    })
    .returning(["id", "slug"])
    .executeTakeFirstOrThrow();
  return row;
}

const visible = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");

let own: { id: string; slug: string };
let shared: { id: string; slug: string };
let bPublic: { id: string; slug: string };

beforeAll(async () => {
  s = await startTestServer();
  const scoped = await makeScope(s.db, "organiser");
  a = scoped.region;
  b = await makeRegion(s.db, { name: "Regio Twente" });
  organiser = new TestClient(s.url);
  await organiser.signIn(scoped.user.email, TEST_PASSWORD);
  own = await entry(a.id, "Een vuistregel voor de eerste bijeenkomst", {
    summary: "Begin met de vraag van bewoners.",
    sectors: ["residents"],
  });
  await entry(a.id, "Vuistregels over <script>alert(1)</script> in verslagen", {
    summary: "Let op <b>opmaak</b> & tekens.",
    visibility: "public",
  });
  await entry(a.id, "Samenwerken met mbo-scholen", { kind: "practice", sectors: ["mbo"] });
  shared = await entry(b.id, "Vuistregels voor samenwerking met gemeenten", {
    visibility: "shared",
    sectors: ["government"],
  });
  await s.db
    .insertInto("knowledge_entry_shares")
    .values({ entry_id: shared.id, region_id: a.id })
    .execute();
  await entry(b.id, "Geheime vuistregels van Twente", { visibility: "region" });
  bPublic = await entry(b.id, "Openbare vuistregels uit Twente", { visibility: "public" });
});
afterAll(async () => {
  await s.close();
});

describe("the knowledge base's index page", () => {
  it("finds other inflections, highlights them, and names the region a shared entry comes from", async () => {
    const res = await organiser.get(`/manage/${a.slug}/knowledge?q=vuistregels`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = visible(html);
    expect(html).toMatch(/<mark>vuistregel<\/mark>/i);
    expect(text).toContain("Een vuistregel voor de eerste bijeenkomst");
    expect(text).toContain("Vuistregels voor samenwerking met gemeenten");
    expect(text).toContain("Uit Regio Twente");
    expect(text).toContain("Openbare vuistregels uit Twente");
    expect(text).not.toContain("Geheime vuistregels");
    expect(html).toContain(`href="/manage/${a.slug}/knowledge/${own.id}"`);
    expect(html).toContain(`href="/manage/${a.slug}/knowledge/new"`);
    // What an entry holds is shown as text, never run as markup.
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(text).toContain('4 resultaten voor "vuistregels"');
  });

  it("offers facets as checkboxes with counts, and filters by them", async () => {
    const all = await (await organiser.get(`/manage/${a.slug}/knowledge?q=vuistregels`)).text();
    expect(all).toMatch(/name="sector\[\]"[^>]*value="government"/);
    expect(visible(all)).toContain("Bewonersinitiatief (1)");
    expect(visible(all)).toContain("Regio Twente (2)");
    const narrowed = visible(
      await (
        await organiser.get(`/manage/${a.slug}/knowledge?q=vuistregels&sector%5B%5D=government`)
      ).text(),
    );
    expect(narrowed).toContain("Vuistregels voor samenwerking met gemeenten");
    expect(narrowed).not.toContain("Een vuistregel voor de eerste bijeenkomst");
    const practices = visible(
      await (await organiser.get(`/manage/${a.slug}/knowledge?kind=practice`)).text(),
    );
    expect(practices).toContain("Samenwerken met mbo-scholen");
    expect(practices).not.toContain("Een vuistregel voor");
  });

  it("lists the newest without a search, and reads a hand-edited address without failing", async () => {
    const newest = visible(await (await organiser.get(`/manage/${a.slug}/knowledge`)).text());
    expect(newest.indexOf("Openbare vuistregels uit Twente")).toBeLessThan(
      newest.indexOf("Een vuistregel voor de eerste bijeenkomst"),
    );
    for (const query of [
      "?page=abc&phase=99&level=-1&kind=x&region=NOT%20A%20SLUG",
      `?q=${"vuistregel ".repeat(40)}`,
      "?q=%22&q=-&page=100000",
      "?q=%3Cscript%3E",
    ]) {
      const res = await organiser.get(`/manage/${a.slug}/knowledge${query}`);
      expect(res.status, query).toBe(200);
    }
  });

  it("is for the region's members only; a member sees no link to write an entry", async () => {
    const member = await makeUser(s.db);
    await s.db
      .insertInto("memberships")
      .values({ user_id: member.id, region_id: a.id, role: "member" })
      .execute();
    const client = new TestClient(s.url);
    await client.signIn(member.email, TEST_PASSWORD);
    const html = await (await client.get(`/manage/${a.slug}/knowledge`)).text();
    expect(html).not.toContain(`/manage/${a.slug}/knowledge/new`);
    const outsider = await makeScope(s.db, "organiser");
    const other = new TestClient(s.url);
    await other.signIn(outsider.user.email, TEST_PASSWORD);
    expect([403, 404]).toContain((await other.get(`/manage/${a.slug}/knowledge`)).status);
  });
});

describe("the public knowledge search", () => {
  it("shows the region's public entries only, and everyone's when asked", async () => {
    const res = await fetch(`${s.url}/r/${a.slug}/knowledge?q=vuistregel`);
    expect(res.status).toBe(200);
    const text = visible(await res.text());
    expect(text).toContain("Vuistregels over <script>alert(1)</script> in verslagen");
    expect(text).not.toContain("Een vuistregel voor de eerste bijeenkomst");
    expect(text).not.toContain("Vuistregels voor samenwerking met gemeenten");
    expect(text).not.toContain("Openbare vuistregels uit Twente");

    const everyone = await (
      await fetch(`${s.url}/r/${a.slug}/knowledge?q=vuistregel&all=on`)
    ).text();
    expect(visible(everyone)).toContain("Openbare vuistregels uit Twente");
    expect(everyone).toContain(`href="/r/${b.slug}/knowledge/${bPublic.slug}"`);
    expect(visible(everyone)).not.toContain("Geheime vuistregels");
    expect(visible(everyone)).not.toContain("samenwerking met gemeenten");
    expect(everyone).toMatch(/name="region\[\]"/);
  });

  it("answers 404 for an unknown region and never fails on a hand-edited address", async () => {
    expect((await fetch(`${s.url}/r/no-such-region/knowledge`)).status).toBe(404);
    const res = await fetch(`${s.url}/r/${a.slug}/knowledge?all=on&page=-4&region=${b.slug}&q=%00`);
    expect(res.status).toBeLessThan(500);
  });

  it("speaks English when asked", async () => {
    const res = await fetch(`${s.url}/r/${a.slug}/knowledge?q=vuistregel`, {
      headers: { "Accept-Language": "en" },
    });
    expect(visible(await res.text())).toContain('1 result for "vuistregel"');
  });
});
