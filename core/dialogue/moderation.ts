import { z } from "zod";
import { withRow } from "../kernel/guard.ts";
import { notFound, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import type { Tx } from "../kernel/tx.ts";
import { text } from "../kernel/validate.ts";
import { dialoguePolicy } from "./policy.ts";
import { toSessionRow, type SessionRow } from "./session.ts";
import { questionsOf, type Question } from "./template.ts";

/**
 * What the moderation intents share (hideAnswer, applyProposedThemes, renameTheme, mergeThemes,
 * moveAnswer, clearThemes): the open question they act on, found through the session's guarded
 * row, and the session's lock that puts them in a row. A theme is nothing but the label its
 * answers carry (`theme_label`).
 */

export const THEME_LABEL_MAX = 200;

export const themeLabel = () => text(THEME_LABEL_MAX);

export interface OpenQuestion {
  session: SessionRow;
  question: Extract<Question, { kind: "open" }>;
}

/** The session's open question with this id; null for an unknown one or one of another kind. */
export function openQuestionOf(session: SessionRow, questionId: unknown): OpenQuestion | null {
  if (typeof questionId !== "string" || !/^[a-z0-9-]{1,60}$/.test(questionId)) return null;
  const question = questionsOf(session.template).find(
    (q) => q.question.id === questionId,
  )?.question;
  return question && question.kind === "open" ? { session, question } : null;
}

/**
 * A moderation intent on one open question of a session of the scope's region. Another region's
 * session, an unknown question and a question of another kind are all "not found".
 */
export function withOpenQuestion<R>(
  scope: RegionScope,
  sessionId: unknown,
  questionId: unknown,
  work: (tx: Tx, q: OpenQuestion) => Promise<Result<R>>,
): Promise<Result<R>> {
  return withRow(
    scope,
    { role: dialoguePolicy.moderateAnswers, table: "dialogue_sessions", id: sessionId },
    async (tx, row) => {
      const q = openQuestionOf(toSessionRow(row), questionId);
      if (!q) return notFound();
      // Theme changes of one session happen one at a time: a proposal reads the labels and then
      // writes from what it read, so a rename or move meanwhile waits for it. FOR NO KEY UPDATE
      // and not the guard's FOR UPDATE: every answer the room commits takes a key-share lock on
      // the session (its foreign key), which FOR UPDATE would hold up while the grouping runs.
      await tx
        .selectFrom("dialogue_sessions")
        .select("id")
        .where("id", "=", row.id)
        .forNoKeyUpdate()
        .execute();
      return work(tx, q);
    },
  );
}

/** An update of the question's answers: each intent adds what it sets and which answers. */
export function updateAnswers(tx: Tx, q: OpenQuestion) {
  return tx
    .updateTable("dialogue_answers")
    .where("session_id", "=", q.session.id)
    .where("question_id", "=", q.question.id);
}

export const flag = z.union([
  z.boolean(),
  z.enum(["true", "false"]).transform((v) => v === "true"),
]);
