import { z } from "zod";
import { fail, ok, type Result } from "../../../kernel/result.ts";
import { optionalText, text, validate } from "../../../kernel/validate.ts";
import { type Template } from "../../template.ts";
import { TEMPLATE_LIMITS, both, either, merge, type Edited, type Fields } from "../editing.ts";

const closingSchema = z.object({
  closingTitleNl: text(TEMPLATE_LIMITS.title),
  closingTitleEn: optionalText(TEMPLATE_LIMITS.title),
});
const tipSchema = z.object({
  titleNl: text(TEMPLATE_LIMITS.title),
  titleEn: optionalText(TEMPLATE_LIMITS.title),
  bodyNl: optionalText(TEMPLATE_LIMITS.long),
  bodyEn: optionalText(TEMPLATE_LIMITS.long),
});
const TIP_FIELDS = ["titleNl", "titleEn", "bodyNl", "bodyEn"] as const;

/**
 * The closing title and the tips, sent as `tips.<n>.titleNl` and so on: a row left entirely empty
 * is dropped (that is how a tip is removed), an extra row filled in is added.
 */
export function editClosing(template: Template, input: Fields): Result<Edited> {
  const title = validate(closingSchema, input);
  const rows = new Set(
    Object.keys(input)
      .map((k) => /^tips\.(\d{1,2})\.[a-zA-Z]+$/.exec(k)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number),
  );
  const results: Result<unknown>[] = [title];
  const tips: Template["closing"]["tips"] = [];
  for (const n of [...rows].sort((a, b) => a - b)) {
    const row = Object.fromEntries(TIP_FIELDS.map((f) => [f, input[`tips.${n}.${f}`] ?? ""]));
    if (TIP_FIELDS.every((f) => typeof row[f] === "string" && row[f].trim() === "")) continue;
    const tip = validate(tipSchema, row);
    if (!tip.ok) {
      const fieldErrors = Object.fromEntries(
        Object.entries(tip.fieldErrors ?? {}).map(([k, m]) => [`tips.${n}.${k}`, m]),
      );
      results.push(fail("validation.failed", fieldErrors));
      continue;
    }
    const v = tip.value;
    tips.push({ title: both(v.titleNl, v.titleEn), body: either(v.bodyNl, v.bodyEn) });
  }
  const failed = merge(...results);
  if (failed) return failed;
  if (tips.length > TEMPLATE_LIMITS.tips)
    return fail("dialogueTemplates.tooManyTips", undefined, { max: TEMPLATE_LIMITS.tips });
  const v = title.ok ? title.value : { closingTitleNl: "", closingTitleEn: "" };
  return ok({
    template: {
      ...template,
      closing: { title: both(v.closingTitleNl, v.closingTitleEn), tips },
    },
    focus: "closing",
  });
}
