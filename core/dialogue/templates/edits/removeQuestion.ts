import { fail, ok, type Result } from "../../../kernel/result.ts";
import { type Template } from "../../template.ts";
import { editable, locate, questionIds, type Edited, type Fields } from "../editing.ts";

export function removeQuestion(template: Template, input: Fields): Result<Edited> {
  const at = locate(template, input.questionId);
  if (!at) return fail("dialogueTemplates.questionGone");
  if (questionIds(template).size === 1) return fail("dialogueTemplates.lastQuestion");
  const theme = template.themes[at.ti]!;
  if (theme.questions.length === 1) return fail("dialogueTemplates.lastInTheme");
  const next = editable(template);
  next.themes[at.ti]!.questions.splice(at.qi, 1);
  return ok({ template: next, focus: theme.id });
}
