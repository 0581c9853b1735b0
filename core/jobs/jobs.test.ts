import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { queueMail } from "../mail/outbox.ts";
import { runDueJobs, scheduleJob, type JobHandler } from "./jobs.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const mailsTo = async (to: string) =>
  (await t.db.selectFrom("outbox").select("id").where("to_address", "=", to).execute()).length;

describe("durable jobs", () => {
  it("runs a due job once; a crash mid-job rolls its work back and it runs again later", async () => {
    let crash = true;
    const handlers: Record<string, JobHandler> = {
      async remind(trx, payload) {
        await queueMail(trx, {
          regionId: null,
          to: String(payload.to),
          subject: "Herinnering",
          text: "Tot morgen",
        });
        if (crash) throw new Error("process died here");
      },
    };
    await t.db.transaction().execute((tx) =>
      scheduleJob(tx, {
        key: "reminder:a",
        kind: "remind",
        runAt: new Date(Date.now() - 1000),
        payload: { to: "a@example.org" },
      }),
    );
    expect(await runDueJobs(t.db, handlers)).toBe(0);
    expect(await mailsTo("a@example.org")).toBe(0);
    const failed = await t.db
      .selectFrom("jobs")
      .select(["attempts", "last_error", "done_at", "run_at"])
      .where("key", "=", "reminder:a")
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ attempts: 1, last_error: "process died here", done_at: null });

    crash = false;
    const later = () => new Date(Date.now() + 3600_000);
    expect(await runDueJobs(t.db, handlers, later)).toBe(1);
    expect(await runDueJobs(t.db, handlers, later)).toBe(0);
    expect(await mailsTo("a@example.org")).toBe(1);
  });

  it("plans a job once per key, moves a pending one, and leaves a job that ran alone", async () => {
    const ran: string[] = [];
    const handlers: Record<string, JobHandler> = {
      async note(_trx, payload) {
        ran.push(String(payload.v));
      },
    };
    const soon = new Date(Date.now() + 60_000);
    await t.db
      .transaction()
      .execute((tx) => scheduleJob(tx, { key: "k", kind: "note", runAt: soon, payload: { v: 1 } }));
    await t.db
      .transaction()
      .execute((tx) => scheduleJob(tx, { key: "k", kind: "note", runAt: soon, payload: { v: 2 } }));
    expect(await runDueJobs(t.db, handlers)).toBe(0);
    expect(await runDueJobs(t.db, handlers, () => new Date(Date.now() + 120_000))).toBe(1);
    await t.db
      .transaction()
      .execute((tx) =>
        scheduleJob(tx, { key: "k", kind: "note", runAt: new Date(0), payload: { v: 3 } }),
      );
    expect(await runDueJobs(t.db, handlers)).toBe(0);
    expect(ran).toEqual(["2"]);
  });
});
