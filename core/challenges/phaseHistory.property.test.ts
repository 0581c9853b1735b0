import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { changePhase } from "./changePhase.ts";
import { createChallenge } from "./createChallenge.ts";
import { linkActivity } from "./linkActivity.ts";
import { unlinkActivity } from "./unlinkActivity.ts";

/**
 * Whatever a coordinator does in whatever order (move the phase, with or without a reason, link
 * and unlink events and actions, while events and actions are deleted elsewhere), the history
 * stays one chain ending in the current phase, and no link points at nothing or at another
 * region's activity.
 */

let t: TestDb;
let scope: RegionScope;
let foreignEvent: string;
beforeAll(async () => {
  t = await createTestDb();
  scope = (await makeScope(t.db, "organiser")).scope;
  const other = await makeScope(t.db, "organiser");
  foreignEvent = await makeEvent(other.scope.regionId);
});
afterAll(async () => {
  await t.dispose();
});

let counter = 0;
const makeEvent = (regionId: string) =>
  t.db
    .insertInto("events")
    .values({
      region_id: regionId,
      slug: `bijeenkomst-${counter++}`,
      kind: "workshop",
      title: "Werkplaats",
      mode: "online",
      starts_at: new Date(Date.now() - 86_400_000),
      ends_at: new Date(Date.now() - 80_000_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow()
    .then((r) => r.id);
const makeAction = (regionId: string) =>
  t.db
    .insertInto("actions")
    .values({ region_id: regionId, title: `Actie ${counter++}` })
    .returning("id")
    .executeTakeFirstOrThrow()
    .then((r) => r.id);

const POOL = 3;
type Kind = "event" | "action";
type Command =
  | { do: "phase"; phase: number; reason: string }
  | { do: "link"; kind: Kind; index: number }
  | { do: "linkForeign" }
  | { do: "unlink"; index: number }
  | { do: "unlinkMadeUp" }
  | { do: "deleteActivity"; kind: Kind; index: number };

const kind = fc.constantFrom<Kind>("event", "action");
const index = fc.nat({ max: POOL - 1 });
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    arbitrary: fc.record({
      do: fc.constant("phase" as const),
      phase: fc.integer({ min: 0, max: 5 }),
      reason: fc.constantFrom("", "  ", "Het netwerk staat", "Terug naar de urgentie"),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ do: fc.constant("link" as const), kind, index }), weight: 4 },
  { arbitrary: fc.constant({ do: "linkForeign" as const }), weight: 1 },
  { arbitrary: fc.record({ do: fc.constant("unlink" as const), index: fc.nat(5) }), weight: 2 },
  { arbitrary: fc.constant({ do: "unlinkMadeUp" as const }), weight: 1 },
  {
    arbitrary: fc.record({ do: fc.constant("deleteActivity" as const), kind, index }),
    weight: 1,
  },
);

async function state(challengeId: string) {
  const challenge = await t.db
    .selectFrom("challenges")
    .select("phase")
    .where("id", "=", challengeId)
    .executeTakeFirstOrThrow();
  const history = await t.db
    .selectFrom("challenge_phase_changes")
    .select(["from_phase", "to_phase", "reason"])
    .where("challenge_id", "=", challengeId)
    .orderBy("changed_at")
    .execute();
  const links = await t.db
    .selectFrom("challenge_links")
    .select(["id", "event_id", "action_id", "phase"])
    .where("challenge_id", "=", challengeId)
    .orderBy("id")
    .execute();
  return { phase: challenge.phase, history, links };
}

async function checkInvariants(challengeId: string) {
  const s = await state(challengeId);
  expect(s.history.length).toBeGreaterThan(0);
  expect(s.history[0]!.from_phase).toBeNull();
  for (let i = 1; i < s.history.length; i++) {
    expect(s.history[i]!.from_phase).toBe(s.history[i - 1]!.to_phase);
    expect(s.history[i]!.to_phase).not.toBe(s.history[i]!.from_phase);
    expect(s.history[i]!.reason.trim()).not.toBe("");
  }
  expect(s.phase).toBe(s.history.at(-1)!.to_phase);
  // Every link points at an existing activity of the challenge's own region, once.
  const orphans = await sql<{ id: string }>`
    SELECT l.id FROM challenge_links l
    JOIN challenges c ON c.id = l.challenge_id
    LEFT JOIN events e ON e.id = l.event_id AND e.region_id = c.region_id
    LEFT JOIN actions a ON a.id = l.action_id AND a.region_id = c.region_id
    WHERE l.challenge_id = ${challengeId} AND e.id IS NULL AND a.id IS NULL`.execute(t.db);
  expect(orphans.rows).toEqual([]);
  const targets = s.links.map((l) => l.event_id ?? l.action_id);
  expect(new Set(targets).size).toBe(targets.length);
  return s;
}

describe("the phase history and the links of a challenge", () => {
  it("stay consistent under any sequence of phase changes, links, unlinks and deletions", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 15 }), async (commands) => {
        const created = await createChallenge(scope, { title: `Opgave ${counter++}` });
        if (!created.ok) throw new Error(JSON.stringify(created));
        const challengeId = created.value.id;
        const pool: Record<Kind, string[]> = { event: [], action: [] };
        for (let i = 0; i < POOL; i++) {
          pool.event.push(await makeEvent(scope.regionId));
          pool.action.push(await makeAction(scope.regionId));
        }
        const deleted = new Set<string>();

        for (const c of commands) {
          const before = await checkInvariants(challengeId);
          let result: { ok: boolean };
          let expected: boolean;
          switch (c.do) {
            case "phase":
              result = await changePhase(scope, challengeId, { phase: c.phase, reason: c.reason });
              expected =
                c.phase >= 1 && c.phase <= 4 && c.phase !== before.phase && c.reason.trim() !== "";
              break;
            case "link": {
              const id = pool[c.kind][c.index]!;
              result = await linkActivity(scope, challengeId, { kind: c.kind, id });
              expected = !deleted.has(id);
              break;
            }
            case "linkForeign":
              result = await linkActivity(scope, challengeId, { kind: "event", id: foreignEvent });
              expected = false;
              break;
            case "unlink": {
              const link = before.links[c.index % Math.max(1, before.links.length)];
              result = await unlinkActivity(scope, challengeId, link?.id ?? crypto.randomUUID());
              expected = link !== undefined;
              break;
            }
            case "unlinkMadeUp":
              result = await unlinkActivity(scope, challengeId, crypto.randomUUID());
              expected = false;
              break;
            case "deleteActivity": {
              const id = pool[c.kind][c.index]!;
              await t.db
                .deleteFrom(c.kind === "event" ? "events" : "actions")
                .where("id", "=", id)
                .execute();
              deleted.add(id);
              result = { ok: true };
              expected = true;
              break;
            }
          }
          expect(result.ok, JSON.stringify(c)).toBe(expected);
          const after = await checkInvariants(challengeId);
          // A refused command changes nothing.
          if (!result.ok) expect(after).toEqual(before);
          if (c.do === "link" && result.ok) {
            const id = pool[c.kind][c.index]!;
            const link = after.links.find((l) => (l.event_id ?? l.action_id) === id);
            const linkedBefore = before.links.find((l) => (l.event_id ?? l.action_id) === id);
            // Linking again keeps the first link; a new link carries the current phase.
            expect(link?.phase).toBe(linkedBefore?.phase ?? after.phase);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
