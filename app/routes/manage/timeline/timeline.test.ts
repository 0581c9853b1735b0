import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePhase } from "../../../../core/challenges/changePhase.ts";
import { createChallenge } from "../../../../core/challenges/createChallenge.ts";
import { linkActivity } from "../../../../core/challenges/linkActivity.ts";
import type { RegionScope, Role } from "../../../../core/kernel/scope.ts";
import { TestClient } from "../../../../test/client.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "../../../../test/fixtures.ts";
import { makeEvent } from "../../../../test/harvest.ts";
import { startTestServer, type TestServer } from "../../../../test/server.ts";

let s: TestServer;
let region: { id: string; slug: string };
let scope: RegionScope;
let organiser: TestClient;
let challengeId: string;

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

async function memberWith(role: Role) {
  const user = await makeUser(s.db);
  await s.db
    .insertInto("memberships")
    .values({ user_id: user.id, region_id: region.id, role })
    .execute();
  const client = new TestClient(s.url);
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

beforeAll(async () => {
  s = await startTestServer();
  const a = await makeScope(s.db, "organiser");
  region = a.region;
  scope = a.scope;
  organiser = new TestClient(s.url);
  await organiser.signIn(a.user.email, TEST_PASSWORD);
  challengeId = (await must(createChallenge(scope, { title: "Zorgpersoneel" }))).id;
  await must(createChallenge(scope, { title: "Energie" }));
  const event = await makeEvent(scope, "Netwerkdag");
  await must(linkActivity(scope, challengeId, { kind: "event", id: event.id }));
  await must(changePhase(scope, challengeId, { phase: 2, reason: "Partners & gemeente" }));
});
afterAll(async () => {
  await s.close();
});

describe("region dashboard and timelines", () => {
  it("shows an organiser where the challenges stand, and a member the figures", async () => {
    const res = await organiser.get(`/manage/${region.slug}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Waar staan we?");
    expect(html).toContain("2 opgaven: 2 actief, 1 met een waarschuwing.");
    expect(html).toContain("Fase 2: Netwerk vormen");
    expect(html).toContain("Geen partner uit:");
    expect(html).toContain("Netwerkdag");
    expect(html).toContain("Sectoren in het netwerk");

    const member = await memberWith("member");
    const plain = await (await member.get(`/manage/${region.slug}`)).text();
    expect(plain).not.toContain("Waar staan we?");
    expect(plain).not.toContain("Zorgpersoneel");
  });

  it("lists a challenge's history with its filter, and refuses a bad date with a message", async () => {
    const page = `/manage/${region.slug}/challenges/${challengeId}/timeline`;
    const html = await (await organiser.get(page)).text();
    expect(html).toContain("Urgente opgave → Netwerk vormen");
    expect(html).toContain("Partners &amp; gemeente");
    expect(html).toContain("Bijeenkomst: Netwerkdag");
    expect(html).not.toContain("Energie");
    expect(html).toContain(`${page}.csv`);

    const onlyPhases = await (await organiser.get(`${page}?kind[]=phaseChanged`)).text();
    expect(onlyPhases).toContain("Netwerk vormen");
    expect(onlyPhases).not.toContain("Bijeenkomst: Netwerkdag");
    expect(onlyPhases).toContain(`${page}.csv?kind=phaseChanged`);

    const bad = await organiser.get(`${page}?from=2026-13-40`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Vul een datum in als jjjj-mm-dd.");
    expect((await organiser.get(`${page}.csv?from=morgen`)).status).toBe(400);
  });

  it("the region's timeline holds every challenge and downloads as CSV and XLSX", async () => {
    const base = `/manage/${region.slug}/timeline`;
    const html = await (await organiser.get(base)).text();
    expect(html).toContain("Zorgpersoneel");
    expect(html).toContain("Energie");
    const csv = await organiser.get(`${base}.csv?kind=created`, { "Accept-Language": "en" });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
    const text = await csv.text();
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(3);
    const xlsx = await organiser.get(`${base}.xlsx`);
    expect(xlsx.headers.get("Content-Type")).toContain("spreadsheetml");
  });

  it("is not shown to a member, nor another region's challenge", async () => {
    const member = await memberWith("member");
    expect((await member.get(`/manage/${region.slug}/timeline`)).status).toBe(403);
    expect((await member.get(`/manage/${region.slug}/timeline.csv`)).status).toBe(403);
    const other = await makeScope(s.db, "organiser");
    const foreign = await must(createChallenge(other.scope, { title: "Elders" }));
    const res = await organiser.get(`/manage/${region.slug}/challenges/${foreign.id}/timeline.csv`);
    expect(res.status).toBe(404);
  });
});
