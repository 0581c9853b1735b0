import { randomUUID } from "node:crypto";
import { UndirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChallenge } from "../../../../core/challenges/createChallenge.ts";
import { linkActivity } from "../../../../core/challenges/linkActivity.ts";
import { setCheckedIn } from "../../../../core/events/setCheckedIn.ts";
import type { Role } from "../../../../core/kernel/scope.ts";
import { SECTOR_COLOURS } from "../../../../core/network/colours.ts";
import { addPerson } from "../../../../core/people/addPerson.ts";
import { createOrganisation } from "../../../../core/people/createOrganisation.ts";
import { TestClient } from "../../../../test/client.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "../../../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../../../test/server.ts";

let s: TestServer;
let region: { id: string; slug: string };
let organiser: TestClient;
let challenge: { id: string; slug: string };
let emptyChallenge: string;
const ids: Record<string, string> = {};

const must = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
};

/**
 * A region where three people were at one workshop (checked in) and a fourth only registered:
 * the map and the files show the three and their three ties, nothing of the fourth.
 */
beforeAll(async () => {
  s = await startTestServer();
  const a = await makeScope(s.db, "organiser");
  region = a.region;
  const scope = a.scope;
  organiser = new TestClient(s.url);
  await organiser.signIn(a.user.email, TEST_PASSWORD);

  const gemeente = must(
    await createOrganisation(scope, { name: "Gemeente Ede", sector: "government" }),
  ).id;
  const roc = must(await createOrganisation(scope, { name: "ROC A12", sector: "mbo" })).id;
  const person = async (name: string, email: string, organisationId: string) =>
    must(await addPerson(scope, { name, email, organisationId, perspectives: [] })).id;
  ids.anna = await person("Anna de Wit", "anna@example.org", gemeente);
  ids.bram = await person("Bram Visser", "bram@example.org", roc);
  ids.formula = await person('=HYPERLINK("x")', "f@example.org", roc);
  ids.late = await person("Lotte Laat", "lotte@example.org", roc);

  const start = new Date(Date.now() - 10 * 86_400_000);
  const event = (
    await s.db
      .insertInto("events")
      .values({
        region_id: scope.regionId,
        slug: "werkplaats-kaart",
        kind: "workshop",
        title: "Werkplaats",
        mode: "on_site",
        starts_at: start,
        ends_at: new Date(start.getTime() + 3 * 3_600_000),
        status: "published",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  for (const [email, present] of [
    ["anna@example.org", true],
    ["bram@example.org", true],
    ["f@example.org", true],
    ["lotte@example.org", false],
  ] as const) {
    const reg = await s.db
      .insertInto("registrations")
      .values({
        event_id: event,
        region_id: scope.regionId,
        email,
        name: email.split("@")[0]!,
        status: "confirmed",
        consent_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (present) must(await setCheckedIn(scope, event, reg.id, true));
  }
  challenge = must(await createChallenge(scope, { title: "Zorgpersoneel" }));
  must(await linkActivity(scope, challenge.id, { kind: "event", id: event }));
  emptyChallenge = must(await createChallenge(scope, { title: "Nog niets" })).id;
});
afterAll(async () => {
  await s.close();
});

const base = () => `/manage/${region.slug}/network`;

async function memberOf(regionId: string, role: Role) {
  const user = await makeUser(s.db);
  await s.db
    .insertInto("memberships")
    .values({ user_id: user.id, region_id: regionId, role })
    .execute();
  const client = new TestClient(s.url);
  await client.signIn(user.email, TEST_PASSWORD);
  return client;
}

interface MapData {
  tooBig: boolean;
  parties: number;
  ties: number;
  nodes: { id: string; label: string; sector: string; x: number; y: number; contacts: number }[];
  edges: { source: string; target: string; weight: number; kinds: string[] }[];
  sectors: Record<string, string>;
}

describe("the network map's data and files", () => {
  it("gives the map the checked-in parties with positions, ties and the palette, never cached", async () => {
    const res = await organiser.get(`${base()}/map.json?level=people`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("application/json");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const data = (await res.json()) as MapData;
    expect(data.nodes.map((n) => n.label).sort()).toEqual(
      ['=HYPERLINK("x")', "Anna de Wit", "Bram Visser"].sort(),
    );
    expect(data.edges).toHaveLength(3);
    expect(data.edges.every((e) => e.kinds.includes("event"))).toBe(true);
    for (const n of data.nodes) expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
    expect(data.nodes.find((n) => n.id === `p:${ids.anna}`)!.sector).toBe("government");
    expect(data.sectors.government).toBe(SECTOR_COLOURS.government);
    // Only registered, never checked in: not in the network.
    expect(JSON.stringify(data)).not.toContain("Lotte");

    // The same query for organisations: two organisations, one tie.
    const orgs = (await (
      await organiser.get(`${base()}/map.json?level=organisations`)
    ).json()) as MapData;
    expect(orgs.nodes.map((n) => n.label).sort()).toEqual(["Gemeente Ede", "ROC A12"]);
    expect(orgs.edges).toHaveLength(1);
  });

  it("downloads GEXF and GraphML that re-import, and CSV with the formula guarded", async () => {
    const gexf = await organiser.get(`${base()}/export/network.gexf?level=people`);
    expect(gexf.status).toBe(200);
    expect(gexf.headers.get("Cache-Control")).toBe("private, no-store");
    const disposition = gexf.headers.get("Content-Disposition")!;
    expect(disposition).toMatch(/^attachment;/);
    expect(disposition).toContain(`${region.slug}-network.gexf`);
    const graph = parseGexf(UndirectedGraph, await gexf.text());
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(3);
    expect(graph.getNodeAttribute(`p:${ids.bram}`, "label")).toBe("Bram Visser");
    expect(graph.getNodeAttribute(`p:${ids.bram}`, "contacts")).toBe(2);

    const graphml = await organiser.get(`${base()}/export/network.graphml`);
    expect(graphml.status).toBe(200);
    const g2 = parseGraphml(UndirectedGraph, await graphml.text());
    expect(g2.order).toBe(3);
    expect(g2.getNodeAttribute(`p:${ids.anna}`, "sector")).toBe("government");

    const parties = await organiser.get(`${base()}/export/parties.csv`);
    expect(parties.headers.get("Content-Type")).toContain("text/csv");
    const text = await parties.text();
    expect(text).toContain("ID;Label;Type;Sector;Organisation");
    expect(text).toContain(`'=HYPERLINK(""x"")`);
    expect(text).not.toContain("Lotte");

    const ties = await organiser.get(`${base()}/export/ties.csv`);
    expect((await ties.text()).split("\r\n")[0]).toContain("From;To;Weight;Count;Kinds;Last");

    const svg = await organiser.get(`${base()}/export/network.svg`);
    expect(svg.headers.get("Content-Type")).toContain("image/svg+xml");
    expect(svg.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect((await svg.text()).match(/<circle /g)).toHaveLength(3);
  });

  it("narrows to a challenge of the region: its linked workshop's parties, its name in the file", async () => {
    const data = (await (
      await organiser.get(`${base()}/map.json?challenge=${challenge.id}`)
    ).json()) as MapData;
    expect(data.nodes).toHaveLength(3);
    const none = (await (
      await organiser.get(`${base()}/map.json?challenge=${emptyChallenge}`)
    ).json()) as MapData;
    expect(none.nodes).toEqual([]);
    const file = await organiser.get(`${base()}/export/ties.csv?challenge=${challenge.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toContain(
      `${region.slug}-${challenge.slug}-ties.csv`,
    );
  });

  it("answers 404 for a file it does not make and for a challenge that is not the region's", async () => {
    for (const path of [
      `${base()}/export/network.exe`,
      `${base()}/export/..%2Fnetwork.gexf`,
      `${base()}/export/constructor`,
      `${base()}/map.json?challenge=${randomUUID()}`,
      `${base()}/export/network.gexf?challenge=${randomUUID()}`,
      `${base()}/map.json?challenge=not-an-id`,
    ]) {
      const res = await organiser.get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain("Bram");
    }
  });

  it("shows another region's organiser and a mere member nothing", async () => {
    const other = await makeScope(s.db, "organiser", { slug: `andere-${Date.now()}` });
    const stranger = new TestClient(s.url);
    await stranger.signIn(other.user.email, TEST_PASSWORD);
    const member = await memberOf(region.id, "member");
    // The other region's own challenge does not open this region's network either.
    const theirs = must(await createChallenge(other.scope, { title: "Elders" })).id;
    const crossed = await stranger.get(
      `/manage/${other.region.slug}/network/map.json?challenge=${challenge.id}`,
    );
    expect(crossed.status).toBe(404);
    const mine = await organiser.get(`${base()}/map.json?challenge=${theirs}`);
    expect(mine.status).toBe(404);
    const anonymous = new TestClient(s.url);
    for (const path of [
      `${base()}/map.json`,
      `${base()}/export/network.gexf`,
      `${base()}/export/parties.csv`,
    ]) {
      const a = await stranger.get(path);
      expect(a.status, path).toBe(404);
      const m = await member.get(path);
      expect([403, 404], path).toContain(m.status);
      const n = await anonymous.get(path);
      expect(n.status, path).toBeGreaterThanOrEqual(300);
      expect(n.status, path).toBeLessThan(500);
      for (const r of [a, m, n]) expect(await r.text(), path).not.toContain("Bram");
    }
  });
});
