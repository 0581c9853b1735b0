import { z } from "zod";
import { ok, type Result } from "../../../kernel/result.ts";
import { optionalText, text, validate } from "../../../kernel/validate.ts";
import { type Template } from "../../template.ts";
import { TEMPLATE_LIMITS, both, either, type Edited, type Fields } from "../editing.ts";

const detailsSchema = z.object({
  titleNl: text(TEMPLATE_LIMITS.title),
  titleEn: optionalText(TEMPLATE_LIMITS.title),
  descriptionNl: optionalText(TEMPLATE_LIMITS.long),
  descriptionEn: optionalText(TEMPLATE_LIMITS.long),
});

export function editDetails(template: Template, input: Fields): Result<Edited> {
  const parsed = validate(detailsSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  return ok({
    template: {
      ...template,
      title: both(v.titleNl, v.titleEn),
      description: either(v.descriptionNl, v.descriptionEn),
    },
    focus: "details",
  });
}
