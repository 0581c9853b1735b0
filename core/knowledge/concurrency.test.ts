import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { adoptEntry } from "./adoptions.ts";
import { createEntry, setEntryStatus, setSharing } from "./entries.ts";

/**
 * Sharing changes while others act on the entry. Only PostgreSQL can show it (PGlite is one
 * connection); without TEST_DATABASE_URL these tests are skipped.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)("knowledge sharing under concurrency", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("ends with one organiser's list of shares, never a mix, when two save at once", async () => {
    const a = await makeScope(t.db, "organiser");
    const others = await Promise.all([1, 2, 3, 4].map(() => makeScope(t.db, "organiser")));
    const ids = others.map((o) => o.region.id);
    for (let round = 0; round < 8; round++) {
      const made = await createEntry(a.scope, { kind: "lesson", title: `Les ${round}` });
      if (!made.ok) throw new Error(JSON.stringify(made));
      const id = made.value.id;
      const first = [ids[0]!, ids[1]!];
      const second = [ids[2]!, ids[3]!];
      const results = await Promise.all([
        setSharing(a.scope, id, { visibility: "shared", regionIds: first }),
        setSharing(a.scope, id, { visibility: "shared", regionIds: second }),
      ]);
      expect(results.map((r) => r.ok)).toEqual([true, true]);
      const shares = await t.db
        .selectFrom("knowledge_entry_shares")
        .select("region_id")
        .where("entry_id", "=", id)
        .execute();
      const got = shares.map((s) => s.region_id!).sort();
      expect([first.sort(), second.sort()]).toContainEqual(got);
    }
  });

  it("never records an adoption against sharing that was withdrawn before it", async () => {
    const a = await makeScope(t.db, "organiser");
    const b = await makeScope(t.db, "organiser");
    for (let round = 0; round < 8; round++) {
      const made = await createEntry(a.scope, { kind: "lesson", title: `Gedeeld ${round}` });
      if (!made.ok) throw new Error(JSON.stringify(made));
      const id = made.value.id;
      await setSharing(a.scope, id, { visibility: "shared", regionIds: [b.region.id] });
      await setEntryStatus(a.scope, id, "published");
      const [adopted, unshared] = await Promise.all([
        adoptEntry(b.scope, id, { tried: "Geprobeerd" }),
        setSharing(a.scope, id, { visibility: "region" }),
      ]);
      expect(unshared.ok).toBe(true);
      // Either the adoption came first (and stays, as history) or it saw the entry unshared.
      if (!adopted.ok) expect(adopted.kind).toBe("notFound");
      const rows = await t.db
        .selectFrom("knowledge_adoptions")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("entry_id", "=", id)
        .executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBe(adopted.ok ? 1 : 0);
    }
  });

  it("refuses an adoption when the entry stops being shared with that region while it waits", async () => {
    const a = await makeScope(t.db, "organiser");
    const b = await makeScope(t.db, "organiser");
    const c = await makeScope(t.db, "organiser");
    const made = await createEntry(a.scope, { kind: "lesson", title: "Eerst met B gedeeld" });
    if (!made.ok) throw new Error(JSON.stringify(made));
    const id = made.value.id;
    await setSharing(a.scope, id, { visibility: "shared", regionIds: [b.region.id] });
    await setEntryStatus(a.scope, id, "published");
    let adopting: ReturnType<typeof adoptEntry> | undefined;
    // What setSharing does when A shares with C instead of B: the entry locked, the shares
    // replaced, the visibility still "shared"; B's adoption arrives before the commit.
    await t.db.transaction().execute(async (tx) => {
      await tx
        .selectFrom("knowledge_entries")
        .select("id")
        .where("id", "=", id)
        .forUpdate()
        .execute();
      await tx.deleteFrom("knowledge_entry_shares").where("entry_id", "=", id).execute();
      await tx
        .insertInto("knowledge_entry_shares")
        .values({ entry_id: id, region_id: c.region.id })
        .execute();
      adopting = adoptEntry(b.scope, id, { tried: "Geprobeerd" });
      await sleep(300);
    });
    expect(await adopting).toMatchObject({ ok: false, kind: "notFound" });
  });
});
