import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { updateAnswers, withOpenQuestion } from "./moderation.ts";

/** Takes every answer of the question out of its theme, to start grouping again. One statement. */
export function clearThemes(
  scope: RegionScope,
  sessionId: unknown,
  questionId: unknown,
): Promise<Result<{ cleared: number }>> {
  return withOpenQuestion(scope, sessionId, questionId, async (tx, q) => {
    const { numUpdatedRows } = await updateAnswers(tx, q)
      .set({ theme_label: null })
      .where("theme_label", "is not", null)
      .executeTakeFirst();
    return ok({ cleared: Number(numUpdatedRows) });
  });
}
