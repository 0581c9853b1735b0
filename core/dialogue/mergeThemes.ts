import { z } from "zod";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { themeLabel, updateAnswers, withOpenQuestion } from "./moderation.ts";

const labelList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(z.array(themeLabel()).min(1, { error: "dialogueThemes.chooseTheme" }).max(50));

export const mergeThemesSchema = z.object({
  from: z.unknown().pipe(labelList),
  into: themeLabel(),
});

/** Puts the answers of the themes `from` into theme `into` (new or existing). One statement. */
export function mergeThemes(
  scope: RegionScope,
  sessionId: unknown,
  questionId: unknown,
  input: unknown,
): Promise<Result<{ changed: number }>> {
  return withOpenQuestion(scope, sessionId, questionId, async (tx, q) => {
    const parsed = validate(mergeThemesSchema, input);
    if (!parsed.ok) return parsed;
    const from = parsed.value.from.filter((f) => f !== parsed.value.into);
    if (from.length === 0)
      return fail("validation.failed", { from: { key: "dialogueThemes.chooseTheme" } });
    const { numUpdatedRows } = await updateAnswers(tx, q)
      .set({ theme_label: parsed.value.into })
      .where("theme_label", "in", from)
      .executeTakeFirst();
    if (numUpdatedRows === 0n) return fail("dialogueThemes.unknownTheme");
    return ok({ changed: Number(numUpdatedRows) });
  });
}
