import { z } from "zod";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { id, validate } from "../kernel/validate.ts";
import { themeLabel, updateAnswers, withOpenQuestion } from "./moderation.ts";

const whoSchema = z.object({ participantId: id() });

export const moveAnswerSchema = z.object({
  theme: z.preprocess(
    (v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? null : v),
    themeLabel().nullable(),
  ),
});

/**
 * Moves one answer into a theme (new or existing), or out of every theme with `theme` empty.
 * One statement.
 */
export function moveAnswer(
  scope: RegionScope,
  sessionId: unknown,
  questionId: unknown,
  input: unknown,
): Promise<Result<{ theme: string | null }>> {
  return withOpenQuestion(scope, sessionId, questionId, async (tx, q) => {
    const who = whoSchema.safeParse(input);
    if (!who.success) return notFound();
    const parsed = validate(moveAnswerSchema, input);
    if (!parsed.ok) return parsed;
    const { numUpdatedRows } = await updateAnswers(tx, q)
      .set({ theme_label: parsed.value.theme })
      .where("participant_id", "=", who.data.participantId)
      .executeTakeFirst();
    if (numUpdatedRows === 0n) return notFound();
    return ok({ theme: parsed.value.theme });
  });
}
