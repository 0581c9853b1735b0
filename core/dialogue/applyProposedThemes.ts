import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { updateAnswers, withOpenQuestion } from "./moderation.ts";
import { OTHER_LABEL, proposeThemes } from "./proposeThemes.ts";

/**
 * Proposes themes for the visible answers and gives each answer without a theme its proposed one.
 * An answer with a theme is never changed; an answer grouped with answers that already have a
 * theme takes the theme most of them have. So a facilitator's renames, merges and moves survive
 * any number of proposals.
 */
export function applyProposedThemes(
  scope: RegionScope,
  sessionId: unknown,
  questionId: unknown,
): Promise<Result<{ labelled: number; themes: number }>> {
  return withOpenQuestion(scope, sessionId, questionId, async (tx, q) => {
    const { session, question } = q;
    // Read, then written from what was read, under the session's lock (`withOpenQuestion`): a
    // rename, merge or move waits until the proposal is written. A new answer may still come in;
    // it has no theme yet and the next proposal takes it.
    const rows = (
      await tx
        .selectFrom("dialogue_answers")
        .select(["participant_id", "value", "hidden", "theme_label"])
        .where("session_id", "=", session.id)
        .where("question_id", "=", question.id)
        .orderBy("created_at")
        .execute()
    ).filter((r) => !r.hidden);
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
      const { numUpdatedRows } = await updateAnswers(tx, q)
        .set({ theme_label: label })
        .where("participant_id", "in", fresh)
        .where("theme_label", "is", null)
        .executeTakeFirst();
      labelled += Number(numUpdatedRows);
      used.add(label);
    }
    return ok({ labelled, themes: used.size });
  });
}
