import { z } from "zod";
import { fail, ok, type Result } from "../../../kernel/result.ts";
import { optionalText, text, validate } from "../../../kernel/validate.ts";
import { type Template } from "../../template.ts";
import {
  TEMPLATE_LIMITS,
  both,
  editable,
  either,
  themeIndex,
  type Edited,
  type Fields,
} from "../editing.ts";

const themeSchema = z.object({
  titleNl: text(TEMPLATE_LIMITS.title),
  titleEn: optionalText(TEMPLATE_LIMITS.title),
  introNl: optionalText(TEMPLATE_LIMITS.long),
  introEn: optionalText(TEMPLATE_LIMITS.long),
});

export function editTheme(template: Template, input: Fields): Result<Edited> {
  const ti = themeIndex(template, input.themeId);
  if (ti < 0) return fail("dialogueTemplates.themeGone");
  const parsed = validate(themeSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const next = editable(template);
  const theme = next.themes[ti]!;
  theme.title = both(v.titleNl, v.titleEn);
  theme.intro = either(v.introNl, v.introEn);
  return ok({ template: next, focus: theme.id });
}
