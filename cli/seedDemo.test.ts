import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../test/db.ts";
import { regionDashboard } from "../core/challenges/dashboard.ts";
import { getChallenge } from "../core/challenges/queries.ts";
import { seedDemoIfEmpty } from "../demo/seedDemo.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

describe("the demo region", () => {
  it("opens on a dashboard with challenges in different phases, their history, ratings and warnings", async () => {
    expect(await seedDemoIfEmpty(t.db)).not.toBeNull();
    const region = await t.db.selectFrom("regions").select("id").executeTakeFirstOrThrow();
    const user = await t.db.selectFrom("users").select("id").executeTakeFirstOrThrow();
    const scope = { db: t.db, regionId: region.id, userId: user.id, role: "admin" as const };
    const dashboard = await regionDashboard(scope);
    expect(dashboard.challenges.map((c) => c.phase).sort()).toEqual([2, 3, 4]);
    const kinds = dashboard.challenges.flatMap((c) => c.warnings.map((w) => w.kind));
    expect(kinds).toEqual(expect.arrayContaining(["phaseTooLong", "noContinuation"]));
    const [first] = dashboard.challenges.filter((c) => c.phase === 3);
    expect(first?.ambition).toMatchObject({ now: 3, desired: 4, source: "coordinator" });
    const page = await getChallenge(scope, first!.id);
    expect(page?.phaseChanges.map((p) => p.to_phase)).toEqual([1, 2, 3]);
    expect(new Set(page?.ratings.map((r) => r.sector))).toEqual(
      new Set(["government", "mbo", "hbo", "social", "company"]),
    );
    // Its session, and the two past workshops and the coalition its network is made of.
    expect(page?.links.map((l) => l.kind).sort()).toEqual(["coalition", "event", "event", "event"]);
    expect(page?.roles.length).toBeGreaterThan(2);
    expect(await seedDemoIfEmpty(t.db)).toBeNull();
  });
});
