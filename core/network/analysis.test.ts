import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { createChallenge } from "../challenges/createChallenge.ts";
import { linkActivity } from "../challenges/linkActivity.ts";
import { setCheckedIn } from "../events/setCheckedIn.ts";
import type { Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { addPerson } from "../people/addPerson.ts";
import { createOrganisation } from "../people/createOrganisation.ts";
import { bridgeBuilders } from "./bridges.ts";
import { compareNetworks } from "./compare.ts";
import { coverageOf, type Gap } from "./coverage.ts";
import { networkOf } from "./network.ts";
import { networkPage, PAGE_SIZE, personMirror } from "./queries.ts";
import { networkQuerySchema } from "./schema.ts";

/**
 * What a coordinator reads from the network (bridge builders, coverage gaps, the comparison of
 * two periods, the page's tables and a person's mirror) on a small region built by hand, so the
 * right answers are known: a civil servant who alone joins a college's people with residents.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const DAY = 86_400_000;
let counter = 0;

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

async function event(scope: RegionScope, startsAt: Date) {
  const row = await t.db
    .insertInto("events")
    .values({
      region_id: scope.regionId,
      slug: `werkplaats-${counter++}`,
      kind: "workshop",
      title: "Werkplaats",
      mode: "on_site",
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 3 * 3_600_000),
      status: "published",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Registered (rows as the public form leaves them) and checked in with the organiser's intent. */
async function attend(scope: RegionScope, eventId: string, emails: string[]) {
  for (const email of emails) {
    const reg = await t.db
      .insertInto("registrations")
      .values({
        event_id: eventId,
        region_id: scope.regionId,
        email,
        name: email,
        status: "confirmed",
        consent_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    must(await setCheckedIn(scope, eventId, reg.id, true));
  }
}

/**
 * The region: three people of a college (hbo) meet at one workshop, three residents at another,
 * and Bea of the municipality is at both. Zeno (a builder, "work" perspective) met a resident at
 * an event outside the challenge; Aad (also a builder, "work") met nobody. A year ago one of the
 * college's people met Zeno. The challenge is linked to the two workshops only.
 */
async function handBuilt() {
  const { scope } = await makeScope(t.db, "organiser");
  const org = async (name: string, sector: string) =>
    must(await createOrganisation(scope, { name, sector })).id;
  const hogeschool = await org("Hogeschool Arnhem", "hbo");
  const bewoners = await org("Bewonersraad Oost", "residents");
  const gemeente = await org("Gemeente Tiel", "government");
  const bouw = await org("Bouwbedrijf Rivier", "company");
  const universiteit = await org("Universiteit Utrecht", "wo");
  const person = async (name: string, organisationId: string, perspectives: string[]) =>
    must(
      await addPerson(scope, {
        name,
        email: `${name.split(" ")[0]!.toLowerCase()}@example.org`,
        organisationId,
        perspectives,
      }),
    ).id;
  const ids = {
    hanna: await person("Hanna Hoger", hogeschool, ["research", "education"]),
    hugo: await person("Hugo Hoger", hogeschool, ["research"]),
    hilde: await person("Hilde Hoger", hogeschool, ["education"]),
    rik: await person("Rik Bewoner", bewoners, ["living"]),
    roos: await person("Roos Bewoner", bewoners, ["living"]),
    ruud: await person("Ruud Bewoner", bewoners, ["living"]),
    bea: await person("Bea Brug", gemeente, ["policy"]),
    zeno: await person("Zeno Werker", bouw, ["work"]),
    aad: await person("Aad Werker", bouw, ["work"]),
  };
  const now = Date.now();
  const college = await event(scope, new Date(now - 40 * DAY));
  const residents = await event(scope, new Date(now - 30 * DAY));
  const elsewhere = await event(scope, new Date(now - 20 * DAY));
  const longAgo = await event(scope, new Date(now - 300 * DAY));
  await attend(scope, college, [
    "hanna@example.org",
    "hugo@example.org",
    "hilde@example.org",
    "bea@example.org",
  ]);
  await attend(scope, residents, [
    "rik@example.org",
    "roos@example.org",
    "ruud@example.org",
    "bea@example.org",
  ]);
  await attend(scope, elsewhere, ["rik@example.org", "zeno@example.org"]);
  await attend(scope, longAgo, ["hanna@example.org", "zeno@example.org"]);
  const challenge = must(await createChallenge(scope, { title: "Wonen en leren" })).id;
  must(await linkActivity(scope, challenge, { kind: "event", id: college }));
  must(await linkActivity(scope, challenge, { kind: "event", id: residents }));
  return { scope, ids, challenge, universiteit, now };
}

let world: Awaited<ReturnType<typeof handBuilt>>;
beforeAll(async () => {
  world = await handBuilt();
});

const node = (id: string) => `p:${id}`;

const pageInput = (input: Record<string, unknown> = {}) => networkQuerySchema.parse(input);

describe("bridge builders", () => {
  it("ranks first the one person who joins the college with the residents, and says why", async () => {
    const { scope, ids, challenge } = world;
    for (const challengeId of [null, challenge]) {
      const network = await networkOf(t.db, scope.regionId, { level: "people", challengeId });
      const [first] = bridgeBuilders(network);
      expect(first).toMatchObject({
        id: node(ids.bea),
        label: "Bea Brug",
        organisation: "Gemeente Tiel",
        sector: "government",
      });
      // Three college people × three residents, none tied to each other.
      expect(first!.connects[0]).toEqual({ a: "hbo", b: "residents", paths: 9 });
      expect(first!.mainRole?.role).toBe("liaison");
    }
  });

  it("lists next a resident who joins a builder with the residents and the municipality", async () => {
    const { scope, ids } = world;
    const network = await networkOf(t.db, scope.regionId, { level: "people" });
    const builders = bridgeBuilders(network);
    const rik = builders.find((b) => b.id === node(ids.rik));
    expect(rik?.connects).toEqual([
      { a: "company", b: "residents", paths: 2 },
      { a: "company", b: "government", paths: 1 },
    ]);
    expect(builders.indexOf(rik!)).toBeGreaterThan(0);
    // Nobody without a path through them is a bridge: the college's Hugo is tied only within it.
    expect(builders.map((b) => b.id)).not.toContain(node(ids.hugo));
  });
});

describe("coverage of a challenge", () => {
  it("names the missing perspective and sectors, and suggests who would fill them", async () => {
    const { scope, challenge, ids, universiteit } = world;
    const [part, region] = await Promise.all([
      networkOf(t.db, scope.regionId, { level: "people", challengeId: challenge }),
      networkOf(t.db, scope.regionId, { level: "people" }),
    ]);
    const coverage = coverageOf(part, region);

    const sectors = Object.fromEntries(coverage.sectors.map((s) => [s.sector, s]));
    // Presence counts occasions: the college was at one workshop, however many came.
    expect(sectors.hbo).toMatchObject({ people: 3, organisations: 1, presence: 1 });
    expect(sectors.residents).toMatchObject({ people: 3, organisations: 1, presence: 1 });
    // Bea was at both workshops: her organisation is there twice as strongly.
    expect(sectors.government).toMatchObject({ people: 1, organisations: 1, presence: 2 });
    expect(sectors.company).toMatchObject({ people: 0, organisations: 0, presence: 0 });
    const views = Object.fromEntries(coverage.perspectives.map((v) => [v.perspective, v]));
    expect(views.living).toEqual({ perspective: "living", people: 3, presence: 3 });
    expect(views.policy).toEqual({ perspective: "policy", people: 1, presence: 2 });
    expect(views.work).toEqual({ perspective: "work", people: 0, presence: 0 });

    const gap = (g: Gap) => (g.kind === "sector" ? g.sector : g.perspective);
    expect(coverage.gaps.map(gap).sort()).toEqual(["company", "mbo", "social", "wo", "work"]);
    const work = coverage.gaps.find((g) => g.kind === "perspective" && g.perspective === "work")!;
    // Zeno already knows Rik and Hanna, who are in the challenge; Aad knows nobody there.
    expect(work.candidates.map((c) => c.id)).toEqual([ids.zeno, ids.aad]);
    expect(work.candidates[0]).toMatchObject({
      kind: "person",
      label: "Zeno Werker",
      organisation: "Bouwbedrijf Rivier",
    });
    expect(work.candidates[0]!.tiesIn).toBeGreaterThan(0);
    expect(work.candidates[1]!.tiesIn).toBe(0);

    const company = coverage.gaps.find((g) => g.kind === "sector" && g.sector === "company")!;
    expect(company.candidates.map((c) => c.label)).toEqual(["Zeno Werker", "Aad Werker"]);
    // Nobody of the university is in the register: the organisation itself is suggested.
    const wo = coverage.gaps.find((g) => g.kind === "sector" && g.sector === "wo")!;
    expect(wo.candidates).toEqual([
      {
        id: universiteit,
        kind: "organisation",
        label: "Universiteit Utrecht",
        organisation: "",
        tiesIn: 0,
      },
    ]);
    const mbo = coverage.gaps.find((g) => g.kind === "sector" && g.sector === "mbo")!;
    expect(mbo.candidates).toEqual([]);
  });
});

describe("comparing two periods", () => {
  it("reports the ties made and lost, and who became a bridge", async () => {
    const { scope, ids, now } = world;
    const at = (days: number) => new Date(now - days * DAY);
    const [before, after] = await Promise.all([
      networkOf(t.db, scope.regionId, { level: "people", from: at(365), to: at(100) }),
      networkOf(t.db, scope.regionId, { level: "people", from: at(100), to: at(0) }),
    ]);
    const c = compareNetworks(before, after);
    expect(c.before).toEqual({ parties: 2, ties: 1 });
    // Two workshops of four (six ties each) and Rik with Zeno; Aad was nowhere.
    expect(c.after).toEqual({ parties: 8, ties: 13 });
    const pairs = (list: typeof c.newTies) =>
      list.map((x) => [x.a.label, x.b.label].sort().join(" – ")).sort();
    expect(pairs(c.lostTies)).toEqual(["Hanna Hoger – Zeno Werker"]);
    expect(c.newTieCount).toBe(13);
    expect(pairs(c.newTies)).toContain("Bea Brug – Hanna Hoger");
    expect(pairs(c.newTies)).toContain("Rik Bewoner – Zeno Werker");
    expect(c.becameBridges[0]).toMatchObject({ id: node(ids.bea), label: "Bea Brug" });
    expect(c.newParties).toBe(6);
  });
});

describe("the network page", () => {
  it("sorts the people table and shows a person's mirror", async () => {
    const { scope, ids } = world;
    const page = await networkPage(scope, pageInput({ sort: "contacts", focus: node(ids.bea) }));
    expect(page.summary).toMatchObject({ parties: 8, ties: 14, alone: 0, backbone: false });
    const contacts = page.nodes.rows.map((r) => r.contacts);
    expect(contacts).toEqual([...contacts].sort((a, b) => b - a));
    expect(page.nodes.rows[0]).toMatchObject({ rowId: ids.bea, label: "Bea Brug", contacts: 6 });
    expect(page.nodes).toMatchObject({ total: 8, page: 1, pages: 1, sort: "contacts" });
    expect(page.bridges[0]!.id).toBe(node(ids.bea));
    expect(page.sectors.find((s) => s.sector === "hbo")!.parties).toBe(3);
    expect(page.perspectives.find((s) => s.perspective === "work")!.parties).toBe(1);
    expect(page.coverage).toBeNull();

    expect(page.focus).toMatchObject({
      id: node(ids.bea),
      rowId: ids.bea,
      label: "Bea Brug",
      rank: 1,
      of: 8,
    });
    expect(page.focus!.contactSectors).toEqual([
      { sector: "hbo", contacts: 3 },
      { sector: "residents", contacts: 3 },
    ]);
    expect(page.focus!.connects[0]).toEqual({ a: "hbo", b: "residents", paths: 9 });

    const mirror = await personMirror(scope, ids.bea);
    expect(mirror).toMatchObject({ label: "Bea Brug", rank: 1 });
    expect(await personMirror(scope, ids.aad)).toBeNull();

    const byName = await networkPage(scope, pageInput({ sort: "label", q: "bewoner" }));
    expect(byName.nodes.rows.map((r) => r.label)).toEqual([
      "Rik Bewoner",
      "Roos Bewoner",
      "Ruud Bewoner",
    ]);
  });

  it("shows a challenge's page with its coverage, and ignores a focus outside it", async () => {
    const { scope, ids, challenge } = world;
    const page = await networkPage(scope, pageInput({ focus: node(ids.zeno) }), challenge);
    expect(page.summary.parties).toBe(7);
    expect(page.nodes.rows.map((r) => r.label)).not.toContain("Zeno Werker");
    expect(page.focus).toBeNull();
    expect(
      page.coverage?.gaps.some((g) => g.kind === "perspective" && g.perspective === "work"),
    ).toBe(true);
  });

  it("pages through a long table, in order, and clamps a page past the end", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const n = PAGE_SIZE + 5;
    const names = Array.from(
      { length: n },
      (_, i) => `Deelnemer ${String(i + 1).padStart(2, "0")}`,
    );
    await t.db
      .insertInto("people")
      .values(
        names.map((name, i) => ({ region_id: scope.regionId, name, email: `d${i}@example.org` })),
      )
      .execute();
    // One big gathering: everyone was there, but in a hall this size nobody is tied to anybody.
    const hall = await event(scope, new Date(Date.now() - 10 * DAY));
    await attend(
      scope,
      hall,
      names.map((_, i) => `d${i}@example.org`),
    );

    const second = await networkPage(scope, pageInput({ sort: "label", page: "2" }));
    expect(second.summary).toMatchObject({ parties: n, ties: 0, alone: n });
    expect(second.nodes).toMatchObject({ total: n, page: 2, pages: 2 });
    expect(second.nodes.rows.map((r) => r.label)).toEqual(names.slice(PAGE_SIZE));
    const first = await networkPage(scope, pageInput({ sort: "label" }));
    expect(first.nodes.rows.map((r) => r.label)).toEqual(names.slice(0, PAGE_SIZE));
    const past = await networkPage(scope, pageInput({ sort: "label", page: "99" }));
    expect(past.nodes.page).toBe(2);
    expect(past.nodes.rows).toHaveLength(5);
  });
});
