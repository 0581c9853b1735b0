import { fail, ok, type Result } from "../../../kernel/result.ts";
import { type Template } from "../../template.ts";
import { editable, themeIndex, type Edited, type Fields } from "../editing.ts";

export function removeTheme(template: Template, input: Fields): Result<Edited> {
  const ti = themeIndex(template, input.themeId);
  if (ti < 0) return fail("dialogueTemplates.themeGone");
  if (template.themes.length === 1) return fail("dialogueTemplates.lastTheme");
  const next = editable(template);
  next.themes.splice(ti, 1);
  return ok({ template: next, focus: next.themes[Math.max(0, ti - 1)]!.id });
}
