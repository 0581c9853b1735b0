import { z } from "zod";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { themeLabel, updateAnswers, withOpenQuestion } from "./moderation.ts";

export const renameThemeSchema = z.object({ from: themeLabel(), to: themeLabel() });

/**
 * Gives every answer of theme `from` the name `to` (an existing name merges the two). One
 * statement: which answers carry `from` is decided where they are written.
 */
export function renameTheme(
  scope: RegionScope,
  sessionId: unknown,
  questionId: unknown,
  input: unknown,
): Promise<Result<{ changed: number }>> {
  return withOpenQuestion(scope, sessionId, questionId, async (tx, q) => {
    const parsed = validate(renameThemeSchema, input);
    if (!parsed.ok) return parsed;
    const { numUpdatedRows } = await updateAnswers(tx, q)
      .set({ theme_label: parsed.value.to })
      .where("theme_label", "=", parsed.value.from)
      .executeTakeFirst();
    if (numUpdatedRows === 0n) return fail("dialogueThemes.unknownTheme");
    return ok({ changed: Number(numUpdatedRows) });
  });
}
