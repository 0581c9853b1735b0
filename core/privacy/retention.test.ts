import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { runDueJobs } from "../jobs/jobs.ts";
import {
  planRetentionSweep,
  RETENTION_EVERY_MS,
  RETENTION_JOB,
  retentionJobHandlers,
  type RetentionReport,
} from "./retention.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const pending = () =>
  t.db
    .selectFrom("jobs")
    .select(["key", "run_at"])
    .where("kind", "=", RETENTION_JOB)
    .where("done_at", "is", null)
    .execute();

describe("the retention sweep as a durable job", () => {
  it("forgets what is past retention once per slot, and plans the next slot itself", async () => {
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
    // created_at is set by the database only; a test that travels in time writes it directly.
    await sql`INSERT INTO coalition_members (coalition_id, name, status, created_at)
      VALUES (${coalition.id}, 'Oud belang', 'interested', ${longAgo})`.execute(t.db);

    const reports: RetentionReport[] = [];
    const handlers = retentionJobHandlers((r) => reports.push(r));
    await planRetentionSweep(t.db);
    expect(await runDueJobs(t.db, handlers)).toBe(1);
    expect(reports).toEqual([{ sessions: 0, participants: 0, registrations: 0, interest: 1 }]);
    const left = await t.db
      .selectFrom("coalition_members")
      .select("name")
      .where("coalition_id", "=", coalition.id)
      .execute();
    expect(left).toEqual([]);

    // The next sweep waits for the next six-hour slot.
    const [next] = await pending();
    expect(next).toBeDefined();
    const wait = new Date(next!.run_at).getTime() - Date.now();
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(RETENTION_EVERY_MS);

    // A restart within the same slot plans nothing new and runs nothing again.
    await planRetentionSweep(t.db);
    expect(await runDueJobs(t.db, handlers)).toBe(0);
    expect(await pending()).toHaveLength(1);
  });
});
