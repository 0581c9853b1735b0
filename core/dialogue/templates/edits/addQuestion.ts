import { z } from "zod";
import { fail, ok, type Result } from "../../../kernel/result.ts";
import { validate } from "../../../kernel/validate.ts";
import { type Template } from "../../template.ts";
import {
  QUESTION_KINDS,
  TEMPLATE_LIMITS,
  blankQuestion,
  editable,
  freeId,
  questionIds,
  themeIndex,
  type Edited,
  type Fields,
} from "../editing.ts";

const addQuestionSchema = z.object({
  themeId: z.string({ error: "validation.choice" }),
  kind: z.enum(QUESTION_KINDS, { error: "validation.choice" }),
});

export function addQuestion(template: Template, input: Fields): Result<Edited> {
  const parsed = validate(addQuestionSchema, input);
  if (!parsed.ok) return parsed;
  const ti = themeIndex(template, parsed.value.themeId);
  if (ti < 0) return fail("validation.failed", { themeId: { key: "validation.choice" } });
  if (template.themes[ti]!.questions.length >= TEMPLATE_LIMITS.questions)
    return fail("dialogueTemplates.tooManyQuestions", undefined, {
      max: TEMPLATE_LIMITS.questions,
    });
  const next = editable(template);
  const question = blankQuestion(parsed.value.kind, freeId("q", questionIds(template)));
  next.themes[ti]!.questions.push(question);
  return ok({ template: next, focus: question.id });
}
