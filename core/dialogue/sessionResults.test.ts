import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeSessionWithAnswers } from "../../test/dialogueResults.ts";
import { makeScope } from "../../test/fixtures.ts";
import { controlSession } from "./controlSession.ts";
import { sharedSessionResults } from "./publicQueries.ts";
import { sessionResults, sessionResultsWithAnswers } from "./queries.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

describe("sessionResults", () => {
  it("aggregates every question of a session from its answers, hidden ones left out", async () => {
    const { scope } = await makeScope(t.db, "facilitator");
    const { sessionId } = await makeSessionWithAnswers(scope);
    const r = (await sessionResults(scope, sessionId))!;
    expect(r.participants).toBe(3);
    expect(r.sectorMix).toEqual([
      { sector: "hbo", count: 1 },
      { sector: "mbo", count: 1 },
      { sector: null, count: 1 },
    ]);
    expect(r.questions.map((q) => q.question.id)).toEqual([
      "single",
      "multiple",
      "scale",
      "ladder",
      "phases",
      "ranking",
      "words",
      "open",
    ]);
    const all = Object.fromEntries(r.questions.map((q) => [q.question.id, q.results.all]));
    expect(all.single).toEqual({ kind: "single", count: 3, counts: { a: 2, b: 1 } });
    expect(all.multiple).toMatchObject({ count: 3, counts: { x: 2, y: 1, z: 1 } });
    expect(all.scale).toMatchObject({ count: 3, mean: 4 });
    expect(all.ladder).toMatchObject({ meanNow: 2.33, meanDesired: 4.33 });
    expect(all.phases).toMatchObject({ underexposed: "network" });
    expect(all.ranking).toMatchObject({ order: ["q", "p"] });
    expect(all.open).toEqual({ kind: "open", count: 2 });
    const single = r.questions[0]!.results;
    expect(single.bySector).toEqual({
      mbo: { kind: "single", count: 1, counts: { a: 1, b: 0 } },
      hbo: { kind: "single", count: 1, counts: { a: 1, b: 0 } },
    });
    // Visible open answers only, with their theme, and no names on the page.
    expect(r.questions[7]!.open).toEqual([
      { text: "Meer stages in de zorg", theme: "Stages" },
      { text: "Samen leren werkt", theme: null },
    ]);
    expect(r.questions[0]!.theme.title.nl).toBe("Keuzes");
  });

  it("keeps another region's session out of reach", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const { sessionId } = await makeSessionWithAnswers(scope);
    const other = await makeScope(t.db, "admin");
    expect(await sessionResults(other.scope, sessionId)).toBeNull();
    expect(await sessionResultsWithAnswers(other.scope, sessionId)).toBeNull();
    expect(await sessionResults(other.scope, "not-a-uuid")).toBeNull();
  });

  it("gives the exports every answer with names, hidden ones marked", async () => {
    const { scope } = await makeScope(t.db, "facilitator");
    const { sessionId } = await makeSessionWithAnswers(scope);
    const { answers } = (await sessionResultsWithAnswers(scope, sessionId))!;
    expect(answers).toHaveLength(24);
    const open = answers.filter((a) => a.questionId === "open");
    // Answers committed in one statement share their moment: the order among them is not fixed.
    expect(open.map((a) => [a.displayName, a.hidden])).toEqual(
      expect.arrayContaining([
        ["Sanne", false],
        ["Ahmed", true],
        [null, false],
      ]),
    );
    expect(open).toHaveLength(3);
  });

  it("shares the results by token only while sharing is on, without names or the token", async () => {
    const { scope } = await makeScope(t.db, "facilitator");
    const { sessionId } = await makeSessionWithAnswers(scope);
    expect((await controlSession(scope, sessionId, { cmd: "share", on: true })).ok).toBe(true);
    const token = (await sessionResults(scope, sessionId))!.session.shareToken!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const shared = (await sharedSessionResults(t.db, token))!;
    expect(shared.session.id).toBe(sessionId);
    expect(shared.session.shareToken).toBeNull();
    expect(JSON.stringify(shared)).not.toMatch(/Sanne|Ahmed|Geheim/);
    await controlSession(scope, sessionId, { cmd: "share", on: false });
    expect(await sharedSessionResults(t.db, token)).toBeNull();
    expect(await sharedSessionResults(t.db, "")).toBeNull();
    expect(await sharedSessionResults(t.db, "x'; drop table users; --")).toBeNull();
  });
});
