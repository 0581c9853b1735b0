import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeSessionWithAnswers } from "../../test/dialogueResults.ts";
import { makeScope } from "../../test/fixtures.ts";
import { makeEvent } from "../../test/harvest.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { createOrganisation } from "../people/createOrganisation.ts";
import { changePhase } from "./changePhase.ts";
import { createChallenge } from "./createChallenge.ts";
import { regionDashboard } from "./dashboard.ts";
import { linkActivity } from "./linkActivity.ts";
import { rateChallenge } from "./rateChallenge.ts";
import { setAmbition } from "./setAmbition.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const WEEK = 7 * 24 * 60 * 60 * 1000;

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

/** A challenge with an event, a rated organisation and a dialogue session with ladder answers. */
async function busyChallenge(scope: RegionScope, i: number, organisationId: string) {
  const c = await must(createChallenge(scope, { title: `Opgave ${i}` }));
  const event = await makeEvent(scope, `Bijeenkomst ${i}`);
  const { sessionId } = await makeSessionWithAnswers(scope, { title: `Sessie ${i}` });
  await must(linkActivity(scope, c.id, { kind: "event", id: event.id }));
  await must(linkActivity(scope, c.id, { kind: "session", id: sessionId }));
  await must(rateChallenge(scope, c.id, { organisationId, urgency: 4, importance: 5 }));
  return c;
}

/** The statements a call sends, counted by a plugin on the scope's connection. */
async function countQueries(scope: RegionScope, run: (s: RegionScope) => Promise<unknown>) {
  let count = 0;
  const db = scope.db.withPlugin({
    transformQuery(args) {
      count++;
      return args.node;
    },
    transformResult: async (a) => a.result,
  });
  await run({ ...scope, db });
  return count;
}

describe("region dashboard", () => {
  it("shows phase, ambition by its latest source, last activity, link count and warnings", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const c = await must(createChallenge(scope, { title: "Zorgpersoneel" }));
    await must(setAmbition(scope, c.id, { now: 1, desired: 3 }));
    let row = (await regionDashboard(scope)).challenges[0]!;
    expect(row).toMatchObject({ title: "Zorgpersoneel", phase: 1, status: "active", linkCount: 0 });
    expect(row.ambition).toMatchObject({ now: 1, desired: 3, source: "coordinator" });

    // A session run after the coordinator's setting: its ladder answers (2,3,2 → 4,5,4) win.
    const { sessionId } = await makeSessionWithAnswers(scope);
    await must(linkActivity(scope, c.id, { kind: "session", id: sessionId }));
    await must(changePhase(scope, c.id, { phase: 2, reason: "Partners gevonden" }));
    row = (await regionDashboard(scope)).challenges[0]!;
    expect(row.phase).toBe(2);
    expect(row.linkCount).toBe(1);
    expect(row.ambition).toMatchObject({ now: 2.3, desired: 4.3, source: "dialogue", answers: 3 });
    const lastBefore = row.lastActivity;
    expect(Date.now() - lastBefore.getTime()).toBeLessThan(60_000);

    // A newer setting by the coordinator overrides the session again.
    await must(setAmbition(scope, c.id, { now: 3, desired: 5 }));
    row = (await regionDashboard(scope)).challenges[0]!;
    expect(row.ambition).toMatchObject({ now: 3, desired: 5, source: "coordinator" });
    expect(row.lastActivity.getTime()).toBeGreaterThanOrEqual(lastBefore.getTime());

    // In phase 2 without partners, every strand is missing; nothing is stale yet.
    expect(row.warnings.map((w) => w.kind)).toEqual(["missingSectors", "missingPerspectives"]);
    // Ten weeks later, with the region's threshold of six, it is stale.
    const later = await regionDashboard(scope, new Date(Date.now() + 10 * WEEK));
    expect(later.settings.staleAfterWeeks).toBe(6);
    expect(later.challenges[0]!.warnings).toContainEqual({ kind: "stale", weeks: 10 });
  });

  it("lists upcoming events and open actions of the region only", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const other = await makeScope(t.db, "organiser");
    await makeEvent(scope, "Netwerkdag");
    await makeEvent(other.scope, "Elders");
    const d = await regionDashboard(scope);
    expect(d.upcomingEvents.map((e) => e.title)).toEqual(["Netwerkdag"]);
    expect(d.challenges).toEqual([]);
    expect(d.openActionCount).toBe(0);
  });

  it("reads a fixed number of statements whatever the number of challenges", async () => {
    const small = await makeScope(t.db, "organiser");
    const large = await makeScope(t.db, "organiser");
    const orgSmall = await must(
      createOrganisation(small.scope, { name: "Gemeente", sector: "government" }),
    );
    const orgLarge = await must(
      createOrganisation(large.scope, { name: "Gemeente", sector: "government" }),
    );
    for (let i = 0; i < 3; i++) await busyChallenge(small.scope, i, orgSmall.id);
    for (let i = 0; i < 40; i++) await busyChallenge(large.scope, i, orgLarge.id);

    let smallDashboard: Awaited<ReturnType<typeof regionDashboard>> | undefined;
    let largeDashboard: typeof smallDashboard;
    const few = await countQueries(small.scope, async (s) => {
      smallDashboard = await regionDashboard(s);
    });
    const many = await countQueries(large.scope, async (s) => {
      largeDashboard = await regionDashboard(s);
    });
    expect(smallDashboard!.challenges).toHaveLength(3);
    expect(largeDashboard!.challenges).toHaveLength(40);
    expect(largeDashboard!.challenges.every((c) => c.ambition?.source === "dialogue")).toBe(true);
    expect(largeDashboard!.challenges.every((c) => c.linkCount === 2)).toBe(true);
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(8);
  }, 120_000);
});
