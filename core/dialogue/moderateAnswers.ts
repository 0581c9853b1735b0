import { z } from "zod";
import { forbidden, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { id, text, validate } from "../kernel/validate.ts";
import { OTHER_LABEL, proposeThemes } from "./proposeThemes.ts";
import { answersOf, findSession, type SessionRow } from "./queries.ts";
import { questionsOf, type Question } from "./template.ts";

/**
 * Moderation and themes of one open question's answers, by the facilitator: hide an answer (it
 * leaves every figure and the participants' screens), let the app propose themes, and rename,
 * merge and move. A theme is nothing but the label its answers carry (`theme_label`).
 *
 * Proposing fills in only answers without a theme, so a facilitator's renames, merges and moves
 * survive any number of proposals; a new answer that the proposal groups with answers already in
 * a theme joins that theme.
 */

export const THEME_LABEL_MAX = 200;

const themeLabel = () => text(THEME_LABEL_MAX);

const refSchema = z.object({
  sessionId: id(),
  questionId: z.string().regex(/^[a-z0-9-]{1,60}$/),
});

export interface OpenQuestion {
  session: SessionRow;
  question: Extract<Question, { kind: "open" }>;
}

/**
 * An open question of a session of the scope's region, for a facilitator or more. Another
 * region's session, an unknown question and a question of another kind are all "not found".
 */
export async function findOpenQuestion(
  scope: RegionScope,
  sessionId: string,
  questionId: string,
): Promise<Result<OpenQuestion>> {
  if (!hasRole(scope.role, "facilitator")) return forbidden();
  const ref = refSchema.safeParse({ sessionId, questionId });
  if (!ref.success) return notFound();
  const session = await findSession(scope, ref.data.sessionId);
  if (!session) return notFound();
  const question = questionsOf(session.template).find(
    (q) => q.question.id === ref.data.questionId,
  )?.question;
  if (!question || question.kind !== "open") return notFound();
  return ok({ session, question });
}

/** The answers of one open question (scoped), with their moderation and theme. */
export async function listOpenAnswers(scope: RegionScope, sessionId: string, questionId: string) {
  const found = await findOpenQuestion(scope, sessionId, questionId);
  if (!found.ok) return found;
  const rows = await answersOf(scope.db, found.value.session.id, found.value.question.id);
  return ok({
    ...found.value,
    answers: rows.map((r) => ({
      participantId: r.participant_id,
      text: String(r.value),
      hidden: r.hidden,
      theme: r.theme_label,
      name: r.display_name,
      groupNo: r.group_no,
    })),
  });
}

function answers(scope: RegionScope, q: OpenQuestion) {
  return scope.db
    .updateTable("dialogue_answers")
    .where("session_id", "=", q.session.id)
    .where("question_id", "=", q.question.id);
}

const flag = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

/** Hides an answer from every figure and from participants, or shows it again. */
export async function hideAnswer(
  scope: RegionScope,
  sessionId: string,
  questionId: string,
  input: unknown,
): Promise<Result<{ hidden: boolean }>> {
  const found = await findOpenQuestion(scope, sessionId, questionId);
  if (!found.ok) return found;
  const parsed = z.object({ participantId: id(), hidden: flag }).safeParse(input);
  if (!parsed.success)
    return parsed.error.issues.some((i) => i.path[0] === "participantId")
      ? notFound()
      : fail("errors.badRequest");
  const { numUpdatedRows } = await answers(scope, found.value)
    .set({ hidden: parsed.data.hidden })
    .where("participant_id", "=", parsed.data.participantId)
    .executeTakeFirst();
  if (numUpdatedRows === 0n) return notFound();
  return ok({ hidden: parsed.data.hidden });
}

/**
 * Proposes themes for the visible answers and gives each answer without a theme its proposed one.
 * An answer with a theme is never changed; an answer grouped with answers that already have a
 * theme takes the theme most of them have.
 */
export async function applyProposedThemes(
  scope: RegionScope,
  sessionId: string,
  questionId: string,
): Promise<Result<{ labelled: number; themes: number }>> {
  const found = await findOpenQuestion(scope, sessionId, questionId);
  if (!found.ok) return found;
  const { session, question } = found.value;
  return scope.db.transaction().execute(async (trx) => {
    const rows = (await answersOf(trx, session.id, question.id)).filter((r) => !r.hidden);
    const themeOf = new Map(rows.map((r) => [r.participant_id, r.theme_label]));
    const proposal = proposeThemes(
      rows.map((r) => ({ id: r.participant_id, text: String(r.value) })),
      session.language,
    );
    let labelled = 0;
    const used = new Set<string>();
    for (const theme of proposal) {
      const fresh = theme.answerIds.filter((a) => themeOf.get(a) === null);
      if (fresh.length === 0) continue;
      let label = theme.other ? OTHER_LABEL[session.language] : theme.label;
      if (!theme.other) {
        const curated = new Map<string, number>();
        for (const a of theme.answerIds) {
          const t = themeOf.get(a);
          if (t) curated.set(t, (curated.get(t) ?? 0) + 1);
        }
        // Ties go to the theme met first, as the answers came in.
        const [top] = [...curated].sort((x, y) => y[1] - x[1]);
        if (top) label = top[0];
      }
      const { numUpdatedRows } = await trx
        .updateTable("dialogue_answers")
        .set({ theme_label: label })
        .where("session_id", "=", session.id)
        .where("question_id", "=", question.id)
        .where("participant_id", "in", fresh)
        .where("theme_label", "is", null)
        .executeTakeFirst();
      labelled += Number(numUpdatedRows);
      used.add(label);
    }
    return ok({ labelled, themes: used.size });
  });
}

/** Gives every answer of theme `from` the name `to` (an existing name merges the two). */
export async function renameTheme(
  scope: RegionScope,
  sessionId: string,
  questionId: string,
  input: unknown,
): Promise<Result<{ changed: number }>> {
  const found = await findOpenQuestion(scope, sessionId, questionId);
  if (!found.ok) return found;
  const parsed = validate(z.object({ from: themeLabel(), to: themeLabel() }), input);
  if (!parsed.ok) return parsed;
  const { numUpdatedRows } = await answers(scope, found.value)
    .set({ theme_label: parsed.value.to })
    .where("theme_label", "=", parsed.value.from)
    .executeTakeFirst();
  if (numUpdatedRows === 0n) return fail("dialogueThemes.unknownTheme");
  return ok({ changed: Number(numUpdatedRows) });
}

const labelList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(z.array(themeLabel()).min(1, { error: "dialogueThemes.chooseTheme" }).max(50));

/** Puts the answers of the themes `from` into theme `into` (new or existing). */
export async function mergeThemes(
  scope: RegionScope,
  sessionId: string,
  questionId: string,
  input: unknown,
): Promise<Result<{ changed: number }>> {
  const found = await findOpenQuestion(scope, sessionId, questionId);
  if (!found.ok) return found;
  const parsed = validate(
    z.object({
      from: z.unknown().pipe(labelList),
      into: themeLabel(),
    }),
    input,
  );
  if (!parsed.ok) return parsed;
  const from = parsed.value.from.filter((f) => f !== parsed.value.into);
  if (from.length === 0)
    return fail("validation.failed", { from: { key: "dialogueThemes.chooseTheme" } });
  const { numUpdatedRows } = await answers(scope, found.value)
    .set({ theme_label: parsed.value.into })
    .where("theme_label", "in", from)
    .executeTakeFirst();
  if (numUpdatedRows === 0n) return fail("dialogueThemes.unknownTheme");
  return ok({ changed: Number(numUpdatedRows) });
}

/** Moves one answer into a theme (new or existing), or out of every theme with `theme` empty. */
export async function moveAnswer(
  scope: RegionScope,
  sessionId: string,
  questionId: string,
  input: unknown,
): Promise<Result<{ theme: string | null }>> {
  const found = await findOpenQuestion(scope, sessionId, questionId);
  if (!found.ok) return found;
  const who = z.object({ participantId: id() }).safeParse(input);
  if (!who.success) return notFound();
  const parsed = validate(
    z.object({
      theme: z.preprocess(
        (v) =>
          v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v,
        themeLabel().nullable(),
      ),
    }),
    input,
  );
  if (!parsed.ok) return parsed;
  const { numUpdatedRows } = await answers(scope, found.value)
    .set({ theme_label: parsed.value.theme })
    .where("participant_id", "=", who.data.participantId)
    .executeTakeFirst();
  if (numUpdatedRows === 0n) return notFound();
  return ok({ theme: parsed.value.theme });
}

/** Takes every answer of the question out of its theme, to start grouping again. */
export async function clearThemes(
  scope: RegionScope,
  sessionId: string,
  questionId: string,
): Promise<Result<{ cleared: number }>> {
  const found = await findOpenQuestion(scope, sessionId, questionId);
  if (!found.ok) return found;
  const { numUpdatedRows } = await answers(scope, found.value)
    .set({ theme_label: null })
    .where("theme_label", "is not", null)
    .executeTakeFirst();
  return ok({ cleared: Number(numUpdatedRows) });
}
