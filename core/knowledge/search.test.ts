import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeRegion } from "../../test/fixtures.ts";
import {
  fragments,
  noFilters,
  readSearchRequest,
  searchKnowledge,
  similarEntries,
  type Audience,
  type SearchFilters,
} from "./search.ts";

let t: TestDb;
let a: string;
let b: string;
let aSlug: string;
const ids: Record<string, string> = {};

interface Seed {
  key: string;
  region: "a" | "b";
  title: string;
  summary?: string;
  body?: string;
  language?: "nl" | "en";
  kind?: "lesson" | "practice" | "method" | "instrument" | "source";
  sectors?: string[];
  phases?: number[];
  status?: "draft" | "published";
  visibility?: "region" | "shared" | "public";
}

const SEEDS: Seed[] = [
  {
    key: "rule",
    region: "a",
    title: "Een vuistregel voor de eerste bijeenkomst",
    summary: "Begin met de vraag van de bewoners.",
    sectors: ["residents", "government"],
    phases: [1],
  },
  {
    key: "collab",
    region: "a",
    title: "Samenwerking tussen mbo-scholen en bedrijven",
    summary: "Wat we leerden over stages.",
    kind: "practice",
    sectors: ["mbo", "company"],
    phases: [3],
  },
  {
    key: "coop",
    region: "a",
    title: "De energiecoöperatie van het dorp",
    summary: "Coördinatie tussen bewoners en gemeente.",
    sectors: ["residents"],
  },
  {
    key: "english",
    region: "a",
    title: "Rules of thumb for collaborating with schools",
    summary: "What we learned when working with vocational schools.",
    language: "en",
    kind: "method",
    sectors: ["mbo"],
  },
  {
    key: "html",
    region: "a",
    title: "Pas op met <script>alert(1)</script> in verslagen",
    summary: "Een vuistregel over <b>opmaak</b> & tekens.",
  },
  {
    key: "bodyOnly",
    region: "a",
    title: "Terugblik op het najaar",
    summary: "Een overzicht.",
    body: "Onderweg bleek één vuistregel steeds terug te komen.",
  },
  {
    key: "hidden",
    region: "b",
    title: "Vuistregels uit regio B, niet gedeeld",
    visibility: "region",
  },
  {
    key: "bDraftPublic",
    region: "b",
    title: "Vuistregels in concept, al openbaar gezet",
    status: "draft",
    visibility: "public",
  },
  {
    key: "bPublic",
    region: "b",
    title: "Vuistregels voor samenwerken met de provincie",
    visibility: "public",
    sectors: ["government"],
  },
];

beforeAll(async () => {
  t = await createTestDb();
  const ra = await makeRegion(t.db);
  const rb = await makeRegion(t.db);
  a = ra.id;
  b = rb.id;
  aSlug = ra.slug;
  for (const [i, s] of SEEDS.entries()) {
    const row = await t.db
      .insertInto("knowledge_entries")
      .values({
        region_id: s.region === "a" ? a : b,
        slug: `${s.key.toLowerCase()}-${i}`,
        kind: s.kind ?? "lesson",
        title: s.title,
        summary: s.summary ?? "",
        body_md: s.body ?? "",
        language: s.language ?? "nl",
        sectors: s.sectors ?? [],
        phases: s.phases ?? [],
        status: s.status ?? "published",
        visibility: s.visibility ?? "public",
        updated_at: new Date(Date.UTC(2026, 0, 1 + i)),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids[s.key] = row.id;
  }
});
afterAll(async () => {
  await t.dispose();
});

const find = async (
  audience: Audience,
  q: string,
  filters: Partial<SearchFilters> = {},
  page = 1,
) => searchKnowledge(t.db, audience, { q, page, filters: { ...noFilters(), ...filters } });
const keysOf = (hits: { id: string }[]) =>
  hits.map((h) => Object.keys(ids).find((k) => ids[k] === h.id));
const text = (f: { text: string }[]) => f.map((x) => x.text).join("");

describe("knowledge search", () => {
  it("finds other inflections of a Dutch word, best match (title) first", async () => {
    const r = await find({ regionId: a }, "vuistregels");
    const keys = keysOf(r.hits);
    expect(keys.slice(0, 2).sort()).toEqual(["bPublic", "rule"]);
    expect(keys).toEqual(expect.arrayContaining(["rule", "html", "bodyOnly", "bPublic"]));
    // A match in the body only comes after the title and summary matches.
    expect(keys.indexOf("bodyOnly")).toBeGreaterThan(keys.indexOf("html"));
    expect(keysOf((await find({ regionId: a }, "samenwerken")).hits)).toEqual(
      expect.arrayContaining(["collab", "bPublic"]),
    );
  });

  it("ignores accents either way", async () => {
    expect(keysOf((await find({ regionId: a }, "energiecooperatie")).hits)).toEqual(["coop"]);
    expect(keysOf((await find({ regionId: a }, "coordinatie")).hits)).toEqual(["coop"]);
    expect(keysOf((await find({ regionId: a }, "één vuistregel")).hits)).toEqual(
      expect.arrayContaining(["bodyOnly"]),
    );
  });

  it("stems English entries in English", async () => {
    const r = await find({ regionId: a }, "rule of thumb collaboration");
    expect(keysOf(r.hits)).toEqual(["english"]);
    expect(text(r.hits[0]!.title)).toBe("Rules of thumb for collaborating with schools");
    expect(r.hits[0]!.title.filter((f) => f.hit).map((f) => f.text)).toEqual([
      "Rules",
      "thumb",
      "collaborating",
    ]);
  });

  it("never shows another region's private entries or drafts", async () => {
    for (const q of ["vuistregels", ""]) {
      const seen = keysOf((await find({ regionId: a }, q)).hits);
      expect(seen).not.toContain("hidden");
      expect(seen).not.toContain("bDraftPublic");
      const open = keysOf((await find({ public: true }, q)).hits);
      expect(open).not.toContain("hidden");
      expect(open).not.toContain("bDraftPublic");
    }
    expect(keysOf((await find({ public: true, regionId: b }, "vuistregels")).hits)).toEqual([
      "bPublic",
    ]);
    // Similar entries keep to what the reader may see, and the entry must be visible itself.
    const similar = await similarEntries(t.db, { regionId: a }, ids.rule!);
    expect(similar.map((s) => s.id)).not.toContain(ids.hidden);
    expect(similar.map((s) => s.id)).toContain(ids.bPublic);
    expect(await similarEntries(t.db, { regionId: a }, ids.hidden!)).toEqual([]);
  });

  it("counts facets over all matches and filters by them", async () => {
    const r = await find({ regionId: a }, "vuistregels");
    expect(r.total).toBe(4);
    expect(r.facets.kind).toEqual([{ value: "lesson", count: 4 }]);
    expect(r.facets.sector).toEqual(
      expect.arrayContaining([
        { value: "government", count: 2 },
        { value: "residents", count: 1 },
      ]),
    );
    expect(r.facets.phase).toEqual([{ value: "1", count: 1 }]);
    const regions = Object.fromEntries(r.facets.region.map((f) => [f.value, f.count]));
    expect(regions[aSlug]).toBe(3);
    const narrowed = await find({ regionId: a }, "vuistregels", { sectors: ["government"] });
    expect(keysOf(narrowed.hits).sort()).toEqual(["bPublic", "rule"]);
    const mine = await find({ regionId: a }, "vuistregels", { regions: [aSlug] });
    expect(mine.total).toBe(3);
  });

  it("lists the newest first without a search text, and pages", async () => {
    const r = await find({ regionId: a }, "");
    expect(keysOf(r.hits)[0]).toBe("bPublic");
    expect(r.total).toBe(7);
    expect(r.hits[0]!.excerpt.every((f) => !f.hit)).toBe(true);
    expect((await find({ regionId: a }, "", {}, 2)).hits).toEqual([]);
  });

  it("returns highlights as plain text fragments: HTML in an entry stays text", async () => {
    const r = await find({ regionId: a }, "vuistregel opmaak");
    const hit = r.hits.find((h) => h.id === ids.html)!;
    expect(text(hit.title)).toBe("Pas op met <script>alert(1)</script> in verslagen");
    expect(text(hit.excerpt)).toContain("<b>opmaak</b> & tekens");
    expect(hit.excerpt.filter((f) => f.hit).map((f) => f.text)).toEqual(["vuistregel", "opmaak"]);
    // The marks are characters no one types; an entry holding them cannot fake a highlight.
    expect(fragments("a\uE000b\uE001c")).toEqual([
      { text: "a", hit: false },
      { text: "b", hit: true },
      { text: "c", hit: false },
    ]);
  });

  it("takes any text safely and says when nothing searchable was typed", async () => {
    for (const q of ['"', "-", "!!! & | :*", "or", "'; DROP TABLE x; --", "<>"]) {
      await expect(find({ regionId: a }, q)).resolves.toBeDefined();
    }
    const r = await find({ regionId: a }, "!!! -- ...");
    expect(r.emptyQuery).toBe(true);
    expect(r.hits).toEqual([]);
  });

  it("reads a hand-made address without failing", () => {
    const r = readSearchRequest(
      new URLSearchParams(
        "q=%20vuistregels%20&page=abc&kind[]=lesson&kind=bogus&sector=mbo&phase=9&level=2&region=Bad!",
      ),
    );
    expect(r.q).toBe("vuistregels");
    expect(r.page).toBe(1);
    expect(r.filters.sectors).toEqual(["mbo"]);
    expect(r.filters.ambitionLevels).toEqual([2]);
    expect(r.filters.phases).toEqual([]);
    expect(r.filters.regions).toEqual([]);
  });
});
