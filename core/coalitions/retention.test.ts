import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { forgetExpiredInterest } from "./retention.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

describe("retention of coalition interest", () => {
  it("forgets declined and unanswered interest after the region's period, never members", async () => {
    const { region } = await makeScope(t.db, "organiser");
    await t.db
      .updateTable("regions")
      .set({ retention_months: 6 })
      .where("id", "=", region.id)
      .execute();
    const coalition = await t.db
      .insertInto("coalitions")
      .values({ region_id: region.id, title: "Stages in de zorg" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const longAgo = new Date(Date.now() - 7 * 31 * 86_400_000);
    const people = [
      ["Oud belang", "interested", longAgo],
      ["Oud afgewezen", "declined", longAgo],
      ["Oud lid", "member", longAgo],
      ["Nieuw belang", "interested", new Date()],
    ] as const;
    // created_at is set by the database only; a test that travels in time writes it directly.
    for (const [name, status, created] of people)
      await sql`INSERT INTO coalition_members (coalition_id, name, status, created_at)
        VALUES (${coalition.id}, ${name}, ${status}, ${created})`.execute(t.db);
    expect(await t.db.transaction().execute((tx) => forgetExpiredInterest(tx))).toBe(2);
    const left = await t.db
      .selectFrom("coalition_members")
      .select("name")
      .where("coalition_id", "=", coalition.id)
      .orderBy("name")
      .execute();
    expect(left.map((r) => r.name)).toEqual(["Nieuw belang", "Oud lid"]);
  });
});
