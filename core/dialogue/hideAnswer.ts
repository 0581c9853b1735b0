import { z } from "zod";
import { fail, notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { id } from "../kernel/validate.ts";
import { flag, updateAnswers, withOpenQuestion } from "./moderation.ts";

export const hideAnswerSchema = z.object({ participantId: id(), hidden: flag });

/**
 * Hides an answer from every figure and from participants, or shows it again. One statement:
 * it reads nothing it depends on.
 */
export function hideAnswer(
  scope: RegionScope,
  sessionId: unknown,
  questionId: unknown,
  input: unknown,
): Promise<Result<{ hidden: boolean }>> {
  return withOpenQuestion(scope, sessionId, questionId, async (tx, q) => {
    const parsed = hideAnswerSchema.safeParse(input);
    if (!parsed.success)
      return parsed.error.issues.some((i) => i.path[0] === "participantId")
        ? notFound()
        : fail("errors.badRequest");
    const { numUpdatedRows } = await updateAnswers(tx, q)
      .set({ hidden: parsed.data.hidden })
      .where("participant_id", "=", parsed.data.participantId)
      .executeTakeFirst();
    if (numUpdatedRows === 0n) return notFound();
    return ok({ hidden: parsed.data.hidden });
  });
}
