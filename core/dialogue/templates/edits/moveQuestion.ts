import { fail, ok, type Result } from "../../../kernel/result.ts";
import { type Question, type Template } from "../../template.ts";
import { TEMPLATE_LIMITS, editable, locate, type Edited, type Fields } from "../editing.ts";

/**
 * One place up or down in the running order. At the edge of a theme the question moves into the
 * theme before or after it, unless that would leave its own theme empty.
 */
export function moveQuestion(template: Template, input: Fields, step: -1 | 1): Result<Edited> {
  const at = locate(template, input.questionId);
  if (!at) return fail("dialogueTemplates.questionGone");
  const next = editable(template);
  const from = next.themes[at.ti]!.questions;
  const [question] = from.splice(at.qi, 1) as [Question];
  const target = at.qi + step;
  if (target >= 0 && target <= from.length) {
    from.splice(target, 0, question);
    return ok({ template: next, focus: question.id });
  }
  const neighbour = next.themes[at.ti + step];
  if (!neighbour) return fail("dialogueTemplates.cannotMove");
  if (from.length === 0) return fail("dialogueTemplates.lastInTheme");
  if (neighbour.questions.length >= TEMPLATE_LIMITS.questions)
    return fail("dialogueTemplates.tooManyQuestions", undefined, {
      max: TEMPLATE_LIMITS.questions,
    });
  if (step < 0) neighbour.questions.push(question);
  else neighbour.questions.unshift(question);
  return ok({ template: next, focus: question.id });
}
