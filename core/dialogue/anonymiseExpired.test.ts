import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeSessionWithAnswers } from "../../test/dialogueResults.ts";
import { makeScope } from "../../test/fixtures.ts";
import { anonymiseExpiredDialogue } from "./anonymiseExpired.ts";
import { sessionResults } from "./queries.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const monthsFromNow = (months: number) => {
  const d = new Date();
  d.setMonth(d.getMonth() + months);
  return d;
};

async function participants(sessionId: string) {
  return t.db
    .selectFrom("dialogue_participants")
    .select(["display_name", "organisation", "sector", "device_token_hash"])
    .where("session_id", "=", sessionId)
    .orderBy("created_at")
    .execute();
}

describe("anonymiseExpiredDialogue", () => {
  it("removes names after the region's retention period and keeps every figure", async () => {
    const { scope, region } = await makeScope(t.db, "facilitator");
    await t.db
      .updateTable("regions")
      .set({ retention_months: 12 })
      .where("id", "=", region.id)
      .execute();
    const { sessionId } = await makeSessionWithAnswers(scope);
    const before = await sessionResults(scope, sessionId);
    const hashesBefore = (await participants(sessionId)).map((p) => p.device_token_hash);

    // Within the retention period nothing changes.
    await t.db.transaction().execute((tx) => anonymiseExpiredDialogue(tx, monthsFromNow(11)));
    expect((await participants(sessionId))[0]!.display_name).toBe("Sanne");

    const done = await t.db
      .transaction()
      .execute((tx) => anonymiseExpiredDialogue(tx, monthsFromNow(13)));
    expect(done.sessions).toBeGreaterThanOrEqual(1);
    const after = await participants(sessionId);
    expect(after.map((p) => [p.display_name, p.organisation, p.sector])).toEqual([
      [null, null, "mbo"],
      [null, null, "hbo"],
      [null, null, null],
    ]);
    for (const [i, p] of after.entries()) expect(p.device_token_hash).not.toBe(hashesBefore[i]);
    const results = await sessionResults(scope, sessionId);
    expect(results!.session.anonymisedAt).not.toBeNull();
    expect(results!.questions).toEqual(before!.questions);
    expect(results!.sectorMix).toEqual(before!.sectorMix);

    // Once is enough: a later run leaves the session alone.
    const again = await t.db
      .transaction()
      .execute((tx) => anonymiseExpiredDialogue(tx, monthsFromNow(14)));
    expect(await sessionResults(scope, sessionId)).toMatchObject({
      session: { anonymisedAt: results!.session.anonymisedAt },
    });
    expect(again.sessions).toBe(0);
  });

  it("counts from the end of a session that was ended, and follows each region's own period", async () => {
    const long = await makeScope(t.db, "facilitator");
    await t.db
      .updateTable("regions")
      .set({ retention_months: 60 })
      .where("id", "=", long.region.id)
      .execute();
    const kept = await makeSessionWithAnswers(long.scope);
    const short = await makeScope(t.db, "facilitator");
    await t.db
      .updateTable("regions")
      .set({ retention_months: 1 })
      .where("id", "=", short.region.id)
      .execute();
    const ended = await makeSessionWithAnswers(short.scope);
    await t.db
      .updateTable("dialogue_sessions")
      .set({ status: "closed", closed_at: monthsFromNow(3) })
      .where("id", "=", ended.sessionId)
      .execute();
    await t.db.transaction().execute((tx) => anonymiseExpiredDialogue(tx, monthsFromNow(2)));
    expect((await participants(ended.sessionId))[0]!.display_name).toBe("Sanne");
    await t.db.transaction().execute((tx) => anonymiseExpiredDialogue(tx, monthsFromNow(5)));
    expect((await participants(ended.sessionId))[0]!.display_name).toBeNull();
    expect((await participants(kept.sessionId))[0]!.display_name).toBe("Sanne");
  });
});
