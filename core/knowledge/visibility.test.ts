import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeRegion } from "../../test/fixtures.ts";
import type { Db } from "../kernel/tx.ts";
import { entriesForEssential } from "./forEssential.ts";
import { publicOnly, visibleTo } from "./visibility.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

let n = 0;
const entry = (
  db: Db,
  regionId: string,
  values: { status?: "draft" | "published"; visibility?: "region" | "shared" | "public" } = {},
) =>
  db
    .insertInto("knowledge_entries")
    .values({
      region_id: regionId,
      slug: `les-${n++}`,
      kind: "lesson",
      title: `Les ${n}`,
      essentials: ["network"],
      status: values.status ?? "published",
      visibility: values.visibility ?? "region",
    })
    .returning("id")
    .executeTakeFirstOrThrow()
    .then((r) => r.id);

describe("which entries a region may see", () => {
  it("crosses a region's border only through publishing and explicit sharing", async () => {
    const a = await makeRegion(t.db);
    const b = await makeRegion(t.db);
    const c = await makeRegion(t.db);
    const own = await entry(t.db, a.id, { status: "draft" });
    const privateOne = await entry(t.db, a.id);
    const publicOne = await entry(t.db, a.id, { visibility: "public" });
    const publicDraft = await entry(t.db, a.id, { status: "draft", visibility: "public" });
    const toB = await entry(t.db, a.id, { visibility: "shared" });
    const toCommunity = await entry(t.db, a.id, { visibility: "shared" });
    const sharedButPrivate = await entry(t.db, a.id, { visibility: "region" });
    const community = await t.db
      .insertInto("learning_communities")
      .values({ host_region_id: a.id, slug: `lc-${n++}`, name: "Netwerk" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("learning_community_members")
      .values([
        { community_id: community.id, region_id: a.id },
        { community_id: community.id, region_id: c.id },
      ])
      .execute();
    await t.db
      .insertInto("knowledge_entry_shares")
      .values([
        { entry_id: toB, region_id: b.id },
        { entry_id: toCommunity, community_id: community.id },
        { entry_id: sharedButPrivate, region_id: b.id },
      ])
      .execute();
    const seen = async (regionId: string) =>
      (
        await t.db
          .selectFrom("knowledge_entries")
          .select("id")
          .where("region_id", "=", a.id)
          .where(visibleTo(regionId))
          .execute()
      )
        .map((r) => r.id)
        .sort();
    expect(await seen(a.id)).toEqual(
      [own, privateOne, publicOne, publicDraft, toB, toCommunity, sharedButPrivate].sort(),
    );
    expect(await seen(b.id)).toEqual([publicOne, toB].sort());
    expect(await seen(c.id)).toEqual([publicOne, toCommunity].sort());
    const publicIds = await t.db
      .selectFrom("knowledge_entries")
      .select("id")
      .where("region_id", "=", a.id)
      .where(publicOnly)
      .execute();
    expect(publicIds.map((r) => r.id)).toEqual([publicOne]);

    const linked = await entriesForEssential(t.db, c.id, "network", 5);
    expect(linked.map((e) => e.id).sort()).toEqual([publicOne, toCommunity].sort());
    expect(linked[0]!.path).toMatch(/^\/manage\/region-.+\/knowledge\/[0-9a-f-]{36}$/);
    expect(await entriesForEssential(t.db, c.id, "knowledge")).toEqual([]);
  });
});
