import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { applyProposedThemes } from "./applyProposedThemes.ts";
import { controlSession } from "./controlSession.ts";
import { createSession } from "./createSession.ts";
import { joinSession } from "./joinSession.ts";
import { findSession } from "./queries.ts";
import { renameTheme } from "./renameTheme.ts";
import { saveAnswers } from "./saveAnswers.ts";
import { questionsOf } from "./template.ts";

/**
 * Theme changes of one session run one at a time (the session's row, locked for no key update),
 * and answers keep committing meanwhile. Needs a PostgreSQL server: PGlite has one connection, so
 * nothing there ever runs at the same moment. Without TEST_DATABASE_URL these tests are skipped.
 */
describe.runIf(process.env.TEST_DATABASE_URL)("dialogue moderation under concurrency", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.dispose();
  });

  const TEXTS = [
    "Meer stageplaatsen bij bedrijven in de regio",
    "Stage voor studenten is lastig te vinden",
    "Te weinig stageplaatsen voor mbo-studenten",
    "Stageplaatsen in de zorg zijn schaars",
    "Personeelstekort in de zorg",
    "De zorg heeft te weinig personeel",
    "Zorgpersoneel vasthouden en opleiden",
    "Warmtenet in de wijk aanleggen",
    "Energie besparen met een warmtenet",
    "Energietransitie: warmtenetten en isolatie",
  ];

  async function openQuestionWithAnswers() {
    const { scope } = await makeScope(t.db, "facilitator");
    const created = await createSession(scope, { title: "Sessie", template: "learning-region" });
    if (!created.ok) throw new Error("no session");
    const sessionId = created.value.id;
    const all = questionsOf((await findSession(scope, sessionId))!.template);
    const index = all.findIndex((q) => q.question.kind === "open");
    const questionId = all[index]!.question.id;
    await controlSession(scope, sessionId, { cmd: "goto", index });
    await controlSession(scope, sessionId, { cmd: "open" });
    const ids: string[] = [];
    for (const [i, text] of TEXTS.entries()) {
      const joined = await joinSession(t.db, created.value.joinCode, {}, null);
      if (!joined.ok) throw new Error("no participant");
      ids.push(joined.value.participant.id);
      await t.db
        .insertInto("dialogue_answers")
        .values({
          session_id: sessionId,
          question_id: questionId,
          participant_id: joined.value.participant.id,
          value: JSON.stringify(text),
          idempotency_key: `k${i}`,
          // One stage answer already has the facilitator's theme: a proposal joins the rest to it.
          theme_label: i === 0 ? "Stage" : null,
        })
        .execute();
    }
    return { scope, sessionId, questionId, ids, joinCode: created.value.joinCode };
  }

  it("never lets a proposal write a theme name that a rename at the same moment replaced", async () => {
    for (let round = 0; round < 6; round++) {
      const { scope, sessionId, questionId } = await openQuestionWithAnswers();
      const [proposed, renamed] = await Promise.all([
        applyProposedThemes(scope, sessionId, questionId),
        renameTheme(scope, sessionId, questionId, { from: "Stage", to: "Werkplekleren" }),
      ]);
      expect(proposed.ok).toBe(true);
      expect(renamed.ok).toBe(true);
      const labels = await t.db
        .selectFrom("dialogue_answers")
        .select("theme_label")
        .where("session_id", "=", sessionId)
        .execute();
      expect(labels.map((l) => l.theme_label)).not.toContain("Stage");
      expect(labels.map((l) => l.theme_label)).toContain("Werkplekleren");
    }
  });

  it("commits answers while a theme change holds the session", async () => {
    const { sessionId, questionId, joinCode } = await openQuestionWithAnswers();
    // A first answer: its insert checks the foreign key to the session, which takes a lock on it.
    const joined = await joinSession(t.db, joinCode, {}, null);
    if (!joined.ok) throw new Error("no participant");
    const participantId = joined.value.participant.id;
    await t.db.transaction().execute(async (tx) => {
      // What every moderation intent takes first (withOpenQuestion).
      await tx
        .selectFrom("dialogue_sessions")
        .select("id")
        .where("id", "=", sessionId)
        .forNoKeyUpdate()
        .execute();
      const saved = await Promise.race([
        saveAnswers(t.db, [
          { sessionId, questionId, participantId, value: "Nieuw antwoord", key: "n1" },
        ]),
        new Promise<"blocked">((r) => setTimeout(() => r("blocked"), 3000)),
      ]);
      expect(saved).toEqual([{ key: "n1", ok: true }]);
    });
  });
});
