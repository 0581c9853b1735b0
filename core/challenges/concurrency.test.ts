import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { changePhase } from "./changePhase.ts";
import { createChallenge } from "./createChallenge.ts";
import { linkActivity } from "./linkActivity.ts";
import { rateChallenge } from "./rateChallenge.ts";

/**
 * Two coordinators acting on one challenge at the same moment, and an event deleted while it is
 * being linked. Only PostgreSQL can show it (PGlite is one connection, one transaction after the
 * other); without TEST_DATABASE_URL these tests are skipped.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)("challenges under concurrency", () => {
  let t: TestDb;
  let scope: RegionScope;
  let counter = 0;
  beforeAll(async () => {
    t = await createTestDb();
    scope = (await makeScope(t.db, "organiser")).scope;
  });
  afterAll(async () => {
    await t.dispose();
  });

  async function newChallenge() {
    const r = await createChallenge(scope, { title: `Opgave ${counter++}` });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.value.id;
  }

  const makeEvent = () =>
    t.db
      .insertInto("events")
      .values({
        region_id: scope.regionId,
        slug: `bijeenkomst-${counter++}`,
        kind: "workshop",
        title: "Werkplaats",
        mode: "online",
        starts_at: new Date(Date.now() + 86_400_000),
        ends_at: new Date(Date.now() + 90_000_000),
      })
      .returning("id")
      .executeTakeFirstOrThrow()
      .then((r) => r.id);

  it("keeps the phase history one chain when two coordinators move the phase at once", async () => {
    for (let round = 0; round < 5; round++) {
      const id = await newChallenge();
      const results = await Promise.all([
        changePhase(scope, id, { phase: 2, reason: "Netwerk vormen" }),
        changePhase(scope, id, { phase: 3, reason: "Samen doen" }),
      ]);
      expect(results.map((r) => r.ok)).toEqual([true, true]);
      const history = await t.db
        .selectFrom("challenge_phase_changes")
        .select(["from_phase", "to_phase"])
        .where("challenge_id", "=", id)
        .orderBy("changed_at")
        .execute();
      expect(history).toHaveLength(3);
      expect(history[0]).toEqual({ from_phase: null, to_phase: 1 });
      expect(history[1]!.from_phase).toBe(1);
      // The second change starts where the first ended, whichever came first.
      expect(history[2]!.from_phase).toBe(history[1]!.to_phase);
      const current = await t.db
        .selectFrom("challenges")
        .select("phase")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      expect(current.phase).toBe(history[2]!.to_phase);
    }
  });

  it("leaves one rating when the same organisation's rating is entered twice at once", async () => {
    const organisation = await t.db
      .insertInto("organisations")
      .values({ region_id: scope.regionId, name: "Gemeente Tiel", sector: "government" })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let round = 0; round < 5; round++) {
      const id = await newChallenge();
      const results = await Promise.all([
        rateChallenge(scope, id, { organisationId: organisation.id, urgency: 2, importance: 3 }),
        rateChallenge(scope, id, { organisationId: organisation.id, urgency: 5, importance: 4 }),
      ]);
      expect(results.map((r) => r.ok)).toEqual([true, true]);
      const rows = await t.db
        .selectFrom("challenge_ratings")
        .select(["urgency", "importance"])
        .where("challenge_id", "=", id)
        .execute();
      expect(rows).toHaveLength(1);
      expect([2, 5]).toContain(rows[0]!.urgency);
    }
  });

  it("does not link an event that is being deleted, and leaves no link to it", async () => {
    const id = await newChallenge();
    const event = await makeEvent();
    let linking: ReturnType<typeof linkActivity> | undefined;
    await t.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("events").where("id", "=", event).execute();
      // The link is asked for while the deletion is not yet committed.
      linking = linkActivity(scope, id, { kind: "event", id: event });
      await sleep(300);
    });
    expect(await linking).toMatchObject({ ok: false, kind: "notFound" });
    const links = await t.db
      .selectFrom("challenge_links")
      .select("id")
      .where("challenge_id", "=", id)
      .execute();
    expect(links).toEqual([]);
  });

  it("never answers with an error nor leaves a dangling link when linking races a deletion", async () => {
    for (let round = 0; round < 10; round++) {
      const id = await newChallenge();
      const event = await makeEvent();
      const [linked] = await Promise.all([
        linkActivity(scope, id, { kind: "event", id: event }),
        t.db.deleteFrom("events").where("id", "=", event).execute(),
      ]);
      // Either the link came first and went with the event, or the event was already gone.
      expect(linked.ok || linked.kind === "notFound").toBe(true);
      const links = await t.db
        .selectFrom("challenge_links")
        .select("id")
        .where("challenge_id", "=", id)
        .execute();
      expect(links).toEqual([]);
    }
  });
});
