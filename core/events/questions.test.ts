import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { toLocalInput } from "../kernel/time.ts";
import { createEvent } from "./createEvent.ts";
import { addEventQuestion } from "./addEventQuestion.ts";
import { removeEventQuestion } from "./removeEventQuestion.ts";
import { eventQuestionsSchema } from "./schema.ts";

/**
 * The registration questions live in one JSON column of the event, so adding or removing one is
 * a read-then-write of the whole list. Two organisers at the same moment must both keep theirs.
 *
 * Only PostgreSQL can show the race: PGlite is a single connection, so the "concurrent" calls
 * run one transaction after the other there and a lost update cannot happen. Without
 * TEST_DATABASE_URL these tests are skipped.
 */
describe.runIf(process.env.TEST_DATABASE_URL)("registration questions under concurrency", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.dispose();
  });

  const DAY = 24 * 3600 * 1000;
  async function newEvent() {
    const { scope } = await makeScope(t.db, "organiser");
    const start = new Date(Date.now() + 10 * DAY);
    const created = await createEvent(scope, {
      title: "Werksessie",
      kind: "workshop",
      mode: "online",
      onlineUrl: "https://meet.example.org/x",
      startsAt: toLocalInput(start),
      endsAt: toLocalInput(new Date(start.getTime() + 3600 * 1000)),
    });
    if (!created.ok) throw new Error(JSON.stringify(created));
    return { scope, eventId: created.value.id };
  }

  async function storedQuestions(eventId: string) {
    const row = await t.db
      .selectFrom("events")
      .select("questions")
      .where("id", "=", eventId)
      .executeTakeFirstOrThrow();
    return eventQuestionsSchema.parse(row.questions);
  }

  it("keeps every question added at the same moment", async () => {
    const { scope, eventId } = await newEvent();
    const labels = Array.from({ length: 10 }, (_, i) => `Vraag ${i}`);
    const results = await Promise.all(
      labels.map((label) => addEventQuestion(scope, eventId, { label, kind: "text" })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const stored = await storedQuestions(eventId);
    expect(stored.map((q) => q.label).sort()).toEqual([...labels].sort());
  });

  it("removes every question removed at the same moment and keeps the others", async () => {
    const { scope, eventId } = await newEvent();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await addEventQuestion(scope, eventId, { label: `Vraag ${i}`, kind: "yesno" });
      if (!r.ok) throw new Error(JSON.stringify(r));
      ids.push(r.value.id);
    }
    const removed = ids.slice(0, 10);
    const kept = ids.slice(10);
    const results = await Promise.all(removed.map((id) => removeEventQuestion(scope, eventId, id)));
    expect(results).toEqual(removed.map(() => ({ ok: true, value: { removed: true } })));
    expect((await storedQuestions(eventId)).map((q) => q.id).sort()).toEqual([...kept].sort());
  });
});
