import { z } from "zod";
import type { Message } from "../../../i18n/index.ts";
import { fail, ok, type Result } from "../../kernel/result.ts";
import { optionalText, text } from "../../kernel/validate.ts";
import {
  templateSchema,
  type LocalText,
  type Question,
  type QuestionKind,
  type Template,
  type Theme,
} from "../template.ts";

/**
 * What the editor's commands (`edits/`, one file per form, dispatched by `templateEdits.ts`)
 * share: the limits, blank themes and questions, the check every result must pass, and small
 * helpers. Each command takes the template and the posted fields and returns a new template (the
 * input is never changed) or message keys per field. Question and theme ids never change once
 * given, and new ones are unique within the template; `checkTemplate` holds every result to
 * `templateSchema`.
 *
 * Texts come as two fields, Dutch and English. Dutch is required; English left empty takes the
 * Dutch text, so that a region that works in Dutch only still has a complete template.
 */

/** What a person may type, per kind of text. Titles also fit the table's title column (200). */
export const TEMPLATE_LIMITS = {
  title: 200,
  prompt: 2000,
  label: 200,
  long: 4000,
  options: 12,
  rankingOptions: 10,
  themes: 20,
  questions: 40,
  tips: 12,
} as const;

export const QUESTION_KINDS = [
  "open",
  "single",
  "multiple",
  "scale",
  "ladder",
  "phases",
  "ranking",
  "wordcloud",
] as const satisfies readonly QuestionKind[];

/** The edited template, and the id of the theme or question the editor should show next. */
export interface Edited {
  template: Template;
  focus: string;
}

export type Failure = Extract<Result<never>, { ok: false }>;
export type Fields = Record<string, unknown>;

export const l = (nl: string, en: string): LocalText => ({ nl, en });
/** A required text: English left empty takes the Dutch text. */
export const both = (nl: string, en: string): LocalText => ({ nl, en: en || nl });
/** An optional text: either language left empty takes the other. */
export const either = (nl: string, en: string): LocalText => ({ nl: nl || en, en: en || nl });

/**
 * Posted fields with NUL characters taken out (PostgreSQL stores no NUL in text or jsonb) and
 * Windows line ends made plain.
 */
export function cleanInput(input: unknown): Fields {
  if (input === null || typeof input !== "object") return {};
  const out: Fields = {};
  for (const [key, value] of Object.entries(input)) {
    const clean = (s: unknown) =>
      typeof s === "string" ? s.replaceAll("\u0000", "").replaceAll("\r\n", "\n") : s;
    out[key] = Array.isArray(value) ? value.map(clean) : clean(value);
  }
  return out;
}

/** A free id `prefix-n`, the lowest n not taken. */
export function freeId(prefix: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.has(id)) return id;
  }
}

export function questionIds(template: Template): Set<string> {
  return new Set(template.themes.flatMap((t) => t.questions.map((q) => q.id)));
}

/** A new question of a kind, ready to be edited: every required text and option filled in. */
export function blankQuestion(kind: QuestionKind, id: string): Question {
  const prompt = l("Nieuwe vraag", "New question");
  const audience = "individual" as const;
  const options = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `o-${i + 1}`,
      label: l(`Mogelijkheid ${i + 1}`, `Option ${i + 1}`),
    }));
  switch (kind) {
    case "single":
    case "multiple":
    case "ranking":
      return { id, kind, audience, prompt, options: options(kind === "ranking" ? 3 : 2) };
    case "scale":
      return {
        id,
        kind,
        audience,
        prompt,
        min: 1,
        max: 5,
        minLabel: l("Helemaal niet", "Not at all"),
        maxLabel: l("Helemaal", "Completely"),
      };
    case "ladder":
      return {
        id,
        kind,
        audience: "group",
        prompt: l(
          "Waar staat jullie samenwerking nu op de ambitieladder, en waar willen jullie heen?",
          "Where is your collaboration on the ambition ladder now, and where do you want to go?",
        ),
      };
    case "phases":
      return {
        id,
        kind,
        audience,
        prompt: l(
          "Verdeel 10 punten over de vier fasen: waar gaat jullie aandacht nu naartoe?",
          "Divide 10 points over the four phases: where does your attention go now?",
        ),
      };
    case "open":
    case "wordcloud":
      return { id, kind, audience, prompt };
  }
}

export function blankTheme(id: string, questionId: string, n: number): Theme {
  return {
    id,
    title: l(`Thema ${n}`, `Theme ${n}`),
    intro: l("", ""),
    questions: [blankQuestion("open", questionId)],
  };
}

/** A template to start from: one theme with one open question. */
export function emptyTemplate(title: LocalText): Template {
  return {
    title,
    description: l("", ""),
    themes: [blankTheme("theme-1", "q-1", 1)],
    closing: { title: l("Tips", "Tips"), tips: [] },
    sources: [],
  };
}

/**
 * Holds a template to the schema, and to what the schema cannot say: theme ids, question ids
 * and the option ids of each question are unique, and the title fits the title column.
 */
export function checkTemplate(template: Template): Result<Template> {
  const parsed = templateSchema.safeParse(template);
  if (!parsed.success) return fail("dialogueTemplates.invalid");
  const t = parsed.data;
  const unique = (ids: string[]) => new Set(ids).size === ids.length;
  const questions = t.themes.flatMap((th) => th.questions);
  if (
    !unique(t.themes.map((th) => th.id)) ||
    !unique(questions.map((q) => q.id)) ||
    !questions.every((q) => !("options" in q) || unique(q.options.map((o) => o.id)))
  )
    return fail("dialogueTemplates.duplicateId");
  if (t.title.nl.length > TEMPLATE_LIMITS.title || t.title.en.length > TEMPLATE_LIMITS.title)
    return fail("validation.failed", {
      titleNl: { key: "validation.tooLong", values: { max: TEMPLATE_LIMITS.title } },
    });
  return ok(t);
}

export function merge(...results: Result<unknown>[]): Failure | null {
  const fieldErrors: Record<string, Message> = {};
  let failed = false;
  for (const r of results) {
    if (r.ok) continue;
    failed = true;
    Object.assign(fieldErrors, r.fieldErrors);
  }
  return failed ? fail("validation.failed", fieldErrors) : null;
}

/** Where a question is: its theme's index and its index in that theme. */
export function locate(template: Template, questionId: unknown): { ti: number; qi: number } | null {
  if (typeof questionId !== "string") return null;
  for (const [ti, theme] of template.themes.entries()) {
    const qi = theme.questions.findIndex((q) => q.id === questionId);
    if (qi >= 0) return { ti, qi };
  }
  return null;
}

export function themeIndex(template: Template, themeId: unknown): number {
  return typeof themeId === "string" ? template.themes.findIndex((t) => t.id === themeId) : -1;
}

/** A copy of the template's themes (and their question lists) that may be changed freely. */
export function editable(template: Template): Template {
  return structuredClone(template);
}

/** New template texts from a title typed in Dutch and (optionally) English. */
export const titleSchema = z
  .object({ titleNl: text(TEMPLATE_LIMITS.title), titleEn: optionalText(TEMPLATE_LIMITS.title) })
  .transform((v) => both(v.titleNl, v.titleEn));
