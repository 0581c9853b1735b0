import { fail, ok, type Result } from "../../../kernel/result.ts";
import { type Template } from "../../template.ts";
import {
  TEMPLATE_LIMITS,
  blankTheme,
  editable,
  freeId,
  questionIds,
  type Edited,
} from "../editing.ts";

export function addTheme(template: Template): Result<Edited> {
  if (template.themes.length >= TEMPLATE_LIMITS.themes)
    return fail("dialogueTemplates.tooManyThemes", undefined, { max: TEMPLATE_LIMITS.themes });
  const next = editable(template);
  const theme = blankTheme(
    freeId("theme", new Set(template.themes.map((t) => t.id))),
    freeId("q", questionIds(template)),
    template.themes.length + 1,
  );
  next.themes.push(theme);
  return ok({ template: next, focus: theme.id });
}
