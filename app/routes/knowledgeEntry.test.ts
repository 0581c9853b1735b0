import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../core/kernel/scope.ts";
import { TestClient } from "../../test/client.ts";
import { makeRegion, makeScope, TEST_PASSWORD } from "../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../test/server.ts";

/** An entry's page, for the organiser and for the public, through real HTTP. */

let s: TestServer;
let organiser: TestClient;
let a: { id: string; slug: string };
let b: { id: string; slug: string; name: string };
const ids: Record<string, string> = {};

async function entry(
  db: Db,
  key: string,
  regionId: string,
  title: string,
  visibility: "region" | "public",
) {
  const row = await db
    .insertInto("knowledge_entries")
    .values({
      region_id: regionId,
      slug: key,
      kind: "lesson",
      title,
      summary: "Over de samenwerking tussen bewoners en gemeente in het dorp.",
      status: "published",
      visibility,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  ids[key] = row.id;
}

beforeAll(async () => {
  s = await startTestServer();
  const scoped = await makeScope(s.db, "organiser");
  a = scoped.region;
  b = await makeRegion(s.db, { name: "Regio Oost" });
  await entry(s.db, "dorpsraad", a.id, "Samenwerking met de dorpsraad", "public");
  await entry(s.db, "buurtteam", a.id, "Samenwerking met het buurtteam", "region");
  await entry(s.db, "wijkraad", b.id, "Samenwerking met de wijkraad", "public");
  await entry(s.db, "oost-intern", b.id, "Samenwerking binnen Oost", "region");
  organiser = new TestClient(s.url);
  await organiser.signIn(scoped.user.email, TEST_PASSWORD);
});
afterAll(async () => {
  await s.close();
});

/** The titles listed under "Vergelijkbare kennis", or null when the page has no such part. */
function similarTitles(html: string): string[] | null {
  const part = /<section[^>]*aria-labelledby="similar"[^>]*>([\s\S]*?)<\/section>/.exec(html);
  if (!part) return null;
  return [...part[1]!.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!);
}

describe("similar entries under an entry", () => {
  it("shows the organiser the region's own and other regions' public entries alike, never another region's internal ones", async () => {
    const res = await organiser.get(`/manage/${a.slug}/knowledge/${ids.dorpsraad}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Vergelijkbare kennis");
    const titles = similarTitles(html);
    expect(titles).toEqual(
      expect.arrayContaining(["Samenwerking met het buurtteam", "Samenwerking met de wijkraad"]),
    );
    expect(titles).not.toContain("Samenwerking binnen Oost");
    // The other region's entry says whose it is, and links to its page in this area.
    expect(html).toContain(`/manage/${a.slug}/knowledge/${ids.wijkraad}`);
    expect(html).toContain("Regio Oost");
  });

  it("shows the public only public entries, at their public addresses", async () => {
    const res = await new TestClient(s.url).get(`/r/${a.slug}/knowledge/dorpsraad`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(similarTitles(html)).toEqual(["Samenwerking met de wijkraad"]);
    expect(html).toContain(`href="/r/${b.slug}/knowledge/wijkraad"`);
  });
});
