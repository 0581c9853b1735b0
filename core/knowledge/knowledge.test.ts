import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { createRegion } from "../regions/createRegion.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { adoptEntry, recordAdoptionResult } from "./adoptions.ts";
import {
  addCommunityMember,
  createCommunity,
  linkMeeting,
  removeCommunityMember,
} from "./communities.ts";
import { draftFromTheme } from "./drafts.ts";
import { createEntry, deleteEntry, setEntryStatus, setSharing, updateEntry } from "./entries.ts";
import { addAuthor, addEvidence, removeEvidence, setAuthorConsent } from "./evidence.ts";
import { exportEntriesCsv, exportEntriesJson } from "./exportEntries.ts";
import { entriesForEssential } from "./forEssential.ts";
import { atomFeed, entryJsonLd } from "./publish.ts";
import { communityView, entryView, publicEntry } from "./queries.ts";
import { POSTER_TIPS, seedShippedEntries } from "./shipped.ts";

let t: TestDb;
let a: Awaited<ReturnType<typeof makeScope>>;
let b: Awaited<ReturnType<typeof makeScope>>;
let n = 0;
beforeAll(async () => {
  t = await createTestDb();
  a = await makeScope(t.db, "organiser");
  b = await makeScope(t.db, "organiser");
});
afterAll(async () => {
  await t.dispose();
});

const lesson = {
  kind: "lesson",
  title: "Plan de borging al in fase drie",
  summary: "Wie pas na de laatste evaluatie aan voortzetting denkt, is te laat.",
  bodyMd: "## Waarom\n\nProjecten stoppen na hun **laatste evaluatie**.",
  sectors: ["hbo", "government"],
  essentials: ["knowledge"],
  phases: ["3", "4"],
  language: "nl",
};

async function newEntry(scope: RegionScope, extra: Record<string, unknown> = {}) {
  const r = await createEntry(scope, { ...lesson, title: `${lesson.title} ${n++}`, ...extra });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value.id;
}

describe("knowledge entries", () => {
  it("are created as drafts with their context, and validated with messages per field", async () => {
    const id = await newEntry(a.scope);
    const view = (await entryView(a.scope, id))!;
    expect(view.entry).toMatchObject({
      status: "draft",
      visibility: "region",
      licence: "CC-BY-4.0",
      sectors: ["government", "hbo"],
      essentials: ["knowledge"],
      phases: [3, 4],
    });
    expect(view.editable).toBe(true);
    const bad = await createEntry(a.scope, {
      kind: "source",
      title: "",
      sectors: ["nowhere"],
      sourceUrl: "javascript:alert(1)",
    });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: {
        title: { key: "validation.required" },
        sectors: { key: "validation.choice" },
        sourceUrl: { key: "knowledge.urlInvalid" },
      },
    });
    const tooLong = await updateEntry(a.scope, id, { ...lesson, bodyMd: "x".repeat(50_001) });
    expect(tooLong).toMatchObject({
      ok: false,
      fieldErrors: { bodyMd: { key: "validation.tooLong" } },
    });
  });

  it("are another region's to read only when shared, and never to change", async () => {
    const id = await newEntry(a.scope);
    expect(await entryView(b.scope, id)).toBeUndefined();
    expect(
      (await setSharing(a.scope, id, { visibility: "shared", regionIds: [b.region.id] })).ok,
    ).toBe(true);
    // Shared but still a draft: not yet visible outside.
    expect(await entryView(b.scope, id)).toBeUndefined();
    expect((await setEntryStatus(a.scope, id, "published")).ok).toBe(true);
    const seen = (await entryView(b.scope, id))!;
    expect(seen.editable).toBe(false);
    expect(seen.mayAdopt).toBe(true);
    expect(seen.shares).toEqual([]);
    expect(await updateEntry(b.scope, id, lesson)).toMatchObject({ ok: false, kind: "notFound" });
    expect(await deleteEntry(b.scope, id, { confirmed: true })).toMatchObject({ kind: "notFound" });
    expect(await setSharing(b.scope, id, { visibility: "region" })).toMatchObject({
      kind: "notFound",
    });
    expect(await setEntryStatus(b.scope, id, "draft")).toMatchObject({ kind: "notFound" });
    // Back to the region only: gone for b again.
    expect((await setSharing(a.scope, id, { visibility: "region" })).ok).toBe(true);
    expect(await entryView(b.scope, id)).toBeUndefined();
    expect(await adoptEntry(b.scope, id, { tried: "x" })).toMatchObject({ kind: "notFound" });
  });

  it("keep the trace to the activities they came from, of their own region only", async () => {
    const id = await newEntry(a.scope);
    const harvest = await t.db
      .insertInto("harvests")
      .values({ region_id: a.region.id, slug: `oogst-${n++}`, title: "Oogst zorg" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const theme = await t.db
      .insertInto("harvest_themes")
      .values({ harvest_id: harvest.id, label: "Borging", summary: "Zorg dat het blijft." })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("contributions")
      .values({
        harvest_id: harvest.id,
        region_id: a.region.id,
        text: "Geld voor na het project ontbreekt",
        origin: "manual",
        theme_id: theme.id,
      })
      .execute();
    expect(
      (await addEvidence(a.scope, id, { kind: "harvest", id: harvest.id, note: "ronde 1" })).ok,
    ).toBe(true);
    expect((await addEvidence(a.scope, id, { kind: "harvest", id: harvest.id })).ok).toBe(true);
    // Another region's harvest cannot be named as evidence.
    expect(await addEvidence(b.scope, id, { kind: "harvest", id: harvest.id })).toMatchObject({
      kind: "notFound",
    });
    const otherHarvest = await t.db
      .insertInto("harvests")
      .values({ region_id: b.region.id, slug: `oogst-${n++}`, title: "Oogst B" })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(await addEvidence(a.scope, id, { kind: "harvest", id: otherHarvest.id })).toMatchObject({
      fieldErrors: { id: { key: "validation.choice" } },
    });
    let view = (await entryView(a.scope, id))!;
    expect(view.evidence).toEqual([
      expect.objectContaining({ kind: "harvest", title: "Oogst zorg", note: "ronde 1" }),
    ]);
    expect((await removeEvidence(a.scope, id, view.evidence[0]!.id)).ok).toBe(true);

    const draft = await draftFromTheme(a.scope, theme.id, "publication");
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    view = (await entryView(a.scope, draft.value.id))!;
    expect(view.entry).toMatchObject({
      title: "Borging",
      status: "draft",
      summary: "Zorg dat het blijft.",
    });
    expect(view.entry.body_md).toContain("> Geld voor na het project ontbreekt");
    expect(view.evidence.map((e) => e.kind).sort()).toEqual(["harvest", "theme"]);
    expect(await draftFromTheme(b.scope, theme.id, "theme")).toMatchObject({ kind: "notFound" });
  });

  it("name authors only with their consent", async () => {
    const id = await newEntry(a.scope);
    await setSharing(a.scope, id, { visibility: "public" });
    await setEntryStatus(a.scope, id, "published");
    const person = await t.db
      .insertInto("people")
      .values({ region_id: a.region.id, name: "Fatima Bakker" })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect((await addAuthor(a.scope, id, { personId: person.id })).ok).toBe(true);
    expect((await entryView(a.scope, id))!.authors).toEqual([
      { personId: person.id, name: "Fatima Bakker", consented: false },
    ]);
    expect((await entryView(b.scope, id))!.authors).toEqual([]);
    const entry = await t.db
      .selectFrom("knowledge_entries")
      .select("slug")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    let page = (await publicEntry(t.db, a.region.slug, entry.slug))!;
    expect(page.authors).toEqual([]);
    expect(JSON.stringify(entryJsonLd(page, "https://x/y", (k) => k))).not.toContain("Fatima");
    expect((await setAuthorConsent(a.scope, id, person.id, true)).ok).toBe(true);
    page = (await publicEntry(t.db, a.region.slug, entry.slug))!;
    const ld = entryJsonLd(page, "https://x/y", (k) => k);
    expect(ld).toMatchObject({
      "@type": ["CreativeWork", "LearningResource"],
      license: "https://creativecommons.org/licenses/by/4.0/",
      inLanguage: "nl",
      author: [{ "@type": "Person", name: "Fatima Bakker" }],
    });
    const feed = (await atomFeed(t.db, a.region.slug, "https://lr.example", "nl"))!;
    expect(feed).toContain(`https://lr.example/r/${a.region.slug}/knowledge/${entry.slug}`);
    expect(feed).toContain("<strong>laatste evaluatie</strong>");
  });
});

describe("adoptions and learning communities", () => {
  it("let a member region of a community adopt a shared entry and record how it went", async () => {
    const c = await makeScope(t.db, "organiser");
    const community = await createCommunity(a.scope, { name: `Landelijk netwerk mbo-hbo ${n++}` });
    if (!community.ok) throw new Error(JSON.stringify(community));
    const cid = community.value.id;
    expect((await addCommunityMember(a.scope, cid, { regionSlug: b.region.slug })).ok).toBe(true);
    // Only the host manages members.
    expect(await addCommunityMember(b.scope, cid, { regionSlug: c.region.slug })).toMatchObject({
      kind: "forbidden",
    });
    expect(await communityView(c.scope, cid)).toBeUndefined();

    const id = await newEntry(a.scope);
    expect(
      await setSharing(a.scope, id, { visibility: "shared", communityIds: [cid] }),
    ).toMatchObject({ ok: true });
    await setEntryStatus(a.scope, id, "published");
    expect((await communityView(b.scope, cid))!.entries.map((e) => e.id)).toEqual([id]);
    expect(await entryView(c.scope, id)).toBeUndefined();

    expect(await adoptEntry(a.scope, id, { tried: "eigen" })).toMatchObject({ kind: "conflict" });
    const adopted = await adoptEntry(b.scope, id, {
      tried: "Borging besproken in de stuurgroep",
      adoptedOn: "2026-03-01",
    });
    if (!adopted.ok) throw new Error(JSON.stringify(adopted));
    expect(
      (
        await recordAdoptionResult(b.scope, adopted.value.id, {
          outcome: "partly",
          note: "Geld nog niet rond",
        })
      ).ok,
    ).toBe(true);
    // Another region cannot write b's result.
    expect(
      await recordAdoptionResult(a.scope, adopted.value.id, { outcome: "worked" }),
    ).toMatchObject({ kind: "notFound" });
    const seenByA = (await entryView(a.scope, id))!;
    expect(seenByA.adoptions).toEqual([
      expect.objectContaining({
        regionName: b.region.name,
        outcome: "partly",
        tried: "Borging besproken in de stuurgroep",
        adoptedOn: "2026-03-01",
        mine: false,
      }),
    ]);

    const event = await t.db
      .insertInto("events")
      .values({
        region_id: b.region.id,
        slug: `netwerkdag-${n++}`,
        kind: "workshop",
        title: "Netwerkdag",
        mode: "online",
        starts_at: new Date(Date.now() + 86_400_000),
        ends_at: new Date(Date.now() + 90_000_000),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(await linkMeeting(a.scope, cid, event.id)).toMatchObject({ ok: false });
    expect((await linkMeeting(b.scope, cid, event.id)).ok).toBe(true);
    expect((await communityView(a.scope, cid))!.meetings.map((m) => m.title)).toEqual([
      "Netwerkdag",
    ]);

    // b leaves: the shared entry and b's meeting go out of view.
    expect(await removeCommunityMember(b.scope, cid, a.region.id)).toMatchObject({
      kind: "forbidden",
    });
    expect((await removeCommunityMember(b.scope, cid, b.region.id)).ok).toBe(true);
    expect(await entryView(b.scope, id)).toBeUndefined();
    expect((await communityView(a.scope, cid))!.meetings).toEqual([]);
    expect(await removeCommunityMember(a.scope, cid, a.region.id)).toMatchObject({
      kind: "conflict",
    });
  });
});

describe("the poster's tips", () => {
  it("come to a new region once per language, and seeding again adds nothing", async () => {
    const admin = await t.db
      .insertInto("users")
      .values({ email: `admin-${n++}@example.org`, name: "Admin", is_platform_admin: true })
      .returning("id")
      .executeTakeFirstOrThrow();
    const made = await createRegion(
      t.db,
      { userId: admin.id, isPlatformAdmin: true },
      { name: "Regio Tips", slug: `regio-tips-${n++}` },
    );
    if (!made.ok) throw new Error(JSON.stringify(made));
    // What the new-region page does after createRegion.
    expect(await seedShippedEntries(t.db, made.value.id)).toBe(POSTER_TIPS.length * 2);
    const count = () =>
      t.db
        .selectFrom("knowledge_entries")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("region_id", "=", made.value.id)
        .where("shipped_key", "is not", null)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    expect(await count()).toBe(POSTER_TIPS.length * 2);
    expect(await seedShippedEntries(t.db, made.value.id)).toBe(0);
    expect(await count()).toBe(POSTER_TIPS.length * 2);
    const scope: RegionScope = {
      db: t.db,
      regionId: made.value.id,
      userId: admin.id,
      role: "admin",
    };
    const linked = await entriesForEssential(t.db, made.value.id, "network", 3, "en");
    expect(linked).toHaveLength(3);
    expect(linked[0]!.title).toBe("Collaborate only when the challenge calls for it");
    // A shipped tip is unpublished, not deleted: seeding again would bring it back.
    expect(await deleteEntry(scope, linked[0]!.id, { confirmed: true })).toMatchObject({
      kind: "conflict",
    });
    // Existing regions (a and b, made by the fixture) get them from the idempotent step.
    expect(await seedShippedEntries(t.db)).toBeGreaterThanOrEqual(POSTER_TIPS.length * 2 * 2);
    expect(await seedShippedEntries(t.db)).toBe(0);
  });
});

describe("the region's export", () => {
  it("holds the region's own entries only, as CSV and JSON", async () => {
    const own = await newEntry(b.scope, { title: '=HYPERLINK("x")' });
    const csv = await exportEntriesCsv(b.scope, "nl");
    if (!csv.ok) throw new Error("export");
    const text = new TextDecoder().decode(csv.value.body);
    expect(text).toContain("'=HYPERLINK");
    expect(text).not.toContain(lesson.title);
    const json = await exportEntriesJson(b.scope);
    if (!json.ok) throw new Error("export");
    const parsed = JSON.parse(new TextDecoder().decode(json.value.body)) as {
      entries: { id: string }[];
    };
    expect(parsed.entries.map((e) => e.id)).toContain(own);
    const facilitator = { ...b.scope, role: "member" as const };
    expect(await exportEntriesCsv(facilitator, "nl")).toMatchObject({ kind: "forbidden" });
  });
});
