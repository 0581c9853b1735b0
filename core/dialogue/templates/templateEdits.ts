import { type Result } from "../../kernel/result.ts";
import type { Template } from "../template.ts";
import { cleanInput, type Edited } from "./editing.ts";
import { addQuestion } from "./edits/addQuestion.ts";
import { addTheme } from "./edits/addTheme.ts";
import { editClosing } from "./edits/editClosing.ts";
import { editDetails } from "./edits/editDetails.ts";
import { editQuestion } from "./edits/editQuestion.ts";
import { editTheme } from "./edits/editTheme.ts";
import { moveQuestion } from "./edits/moveQuestion.ts";
import { removeQuestion } from "./edits/removeQuestion.ts";
import { removeTheme } from "./edits/removeTheme.ts";

/**
 * The editor's commands, one per form (each in `edits/`, named by what it does). `updateTemplate`
 * applies one under the template's row lock; each returns a new template or message keys per
 * field, and the result still has to pass `checkTemplate`.
 */
export const TEMPLATE_COMMANDS = [
  "details",
  "addTheme",
  "editTheme",
  "removeTheme",
  "addQuestion",
  "editQuestion",
  "removeQuestion",
  "moveUp",
  "moveDown",
  "closing",
] as const;
export type TemplateCommand = (typeof TEMPLATE_COMMANDS)[number];

export function isTemplateCommand(value: string): value is TemplateCommand {
  return (TEMPLATE_COMMANDS as readonly string[]).includes(value);
}

/** Applies one editor command to a template; the result still has to pass `checkTemplate`. */
export function applyEdit(
  template: Template,
  command: TemplateCommand,
  rawInput: unknown,
): Result<Edited> {
  const input = cleanInput(rawInput);
  switch (command) {
    case "details":
      return editDetails(template, input);
    case "addTheme":
      return addTheme(template);
    case "editTheme":
      return editTheme(template, input);
    case "removeTheme":
      return removeTheme(template, input);
    case "addQuestion":
      return addQuestion(template, input);
    case "editQuestion":
      return editQuestion(template, input);
    case "removeQuestion":
      return removeQuestion(template, input);
    case "moveUp":
      return moveQuestion(template, input, -1);
    case "moveDown":
      return moveQuestion(template, input, 1);
    case "closing":
      return editClosing(template, input);
  }
}
