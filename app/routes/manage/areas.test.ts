import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeScope, makeUser, TEST_PASSWORD } from "../../../test/fixtures.ts";
import { TestClient } from "../../../test/client.ts";
import { startTestServer, type TestServer } from "../../../test/server.ts";

let s: TestServer;
let base: string;
let organiser: TestClient;
let member: TestClient;
let memberId: string;
let memberEmail: string;

beforeAll(async () => {
  s = await startTestServer();
  const a = await makeScope(s.db, "organiser");
  base = `/manage/${a.region.slug}`;
  organiser = new TestClient(s.url);
  await organiser.signIn(a.user.email, TEST_PASSWORD);
  const m = await makeUser(s.db);
  memberId = m.id;
  memberEmail = m.email;
  await s.db
    .insertInto("memberships")
    .values({ user_id: m.id, region_id: a.region.id, role: "member" })
    .execute();
  member = new TestClient(s.url);
  await member.signIn(m.email, TEST_PASSWORD);
});
afterAll(async () => {
  await s.close();
});

const navLinks = (html: string) =>
  [
    ...(/<nav class="lr-regionnav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? "").matchAll(
      /href="([^"]+)"/g,
    ),
  ].map((m) => m[1]);

describe("finding one's way in a region", () => {
  it("has the coalitions in the region's navigation for those who keep them", async () => {
    const html = await (await organiser.get(base)).text();
    expect(navLinks(html)).toContain(`${base}/coalitions`);
    const seen = await (await member.get(base)).text();
    expect(navLinks(seen)).not.toContain(`${base}/coalitions`);
  });

  it("explains each area's main page in the reader's language: what it is for, where to start", async () => {
    for (const area of ["", "/events", "/harvest", "/coalitions", "/people", "/network"]) {
      const html = await (await organiser.get(base + area)).text();
      expect(html, area).toContain('<details class="lr-help">');
      expect(html, area).toContain("Begin hier");
    }
    // A browser that signs in takes the account's language of that moment.
    await s.db.updateTable("users").set({ locale: "en" }).where("id", "=", memberId).execute();
    const english = new TestClient(s.url);
    await english.signIn(memberEmail, TEST_PASSWORD);
    const en = await (await english.get(base)).text();
    expect(en).toContain("Start here");
    // A form or a detail page explains itself: no guide there.
    const form = await (await organiser.get(`${base}/events/new`)).text();
    expect(form).not.toContain("lr-help");
  });
});
