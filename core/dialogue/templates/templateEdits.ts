import { z } from "zod";
import type { Message } from "../../../i18n/index.ts";
import { fail, ok, type Result } from "../../kernel/result.ts";
import { optionalText, text, validate } from "../../kernel/validate.ts";
import {
  questionSchema,
  templateSchema,
  type LocalText,
  type Question,
  type QuestionKind,
  type Template,
  type Theme,
} from "../template.ts";

/**
 * The small edits an organiser makes to a region's template, one command per form of the editor.
 * Each takes the template and the posted fields and returns a new template (the input is never
 * changed) or message keys per field. Question and theme ids never change once given, and new ones
 * are unique within the template; `checkTemplate` holds every result to `templateSchema`.
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

/** The edited template, and the id of the theme or question the editor should show next. */
export interface Edited {
  template: Template;
  focus: string;
}

type Failure = Extract<Result<never>, { ok: false }>;
type Fields = Record<string, unknown>;

const l = (nl: string, en: string): LocalText => ({ nl, en });
/** A required text: English left empty takes the Dutch text. */
const both = (nl: string, en: string): LocalText => ({ nl, en: en || nl });
/** An optional text: either language left empty takes the other. */
const either = (nl: string, en: string): LocalText => ({ nl: nl || en, en: en || nl });

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
function freeId(prefix: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.has(id)) return id;
  }
}

function questionIds(template: Template): Set<string> {
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

function blankTheme(id: string, questionId: string, n: number): Theme {
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

function merge(...results: Result<unknown>[]): Failure | null {
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
function locate(template: Template, questionId: unknown): { ti: number; qi: number } | null {
  if (typeof questionId !== "string") return null;
  for (const [ti, theme] of template.themes.entries()) {
    const qi = theme.questions.findIndex((q) => q.id === questionId);
    if (qi >= 0) return { ti, qi };
  }
  return null;
}

function themeIndex(template: Template, themeId: unknown): number {
  return typeof themeId === "string" ? template.themes.findIndex((t) => t.id === themeId) : -1;
}

/** A copy of the template's themes (and their question lists) that may be changed freely. */
function editable(template: Template): Template {
  return structuredClone(template);
}

// ---------------------------------------------------------------------------------------------
// Title and description, themes, closing tips

const detailsSchema = z.object({
  titleNl: text(TEMPLATE_LIMITS.title),
  titleEn: optionalText(TEMPLATE_LIMITS.title),
  descriptionNl: optionalText(TEMPLATE_LIMITS.long),
  descriptionEn: optionalText(TEMPLATE_LIMITS.long),
});

function editDetails(template: Template, input: Fields): Result<Edited> {
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

const themeSchema = z.object({
  titleNl: text(TEMPLATE_LIMITS.title),
  titleEn: optionalText(TEMPLATE_LIMITS.title),
  introNl: optionalText(TEMPLATE_LIMITS.long),
  introEn: optionalText(TEMPLATE_LIMITS.long),
});

function editTheme(template: Template, input: Fields): Result<Edited> {
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

function addTheme(template: Template): Result<Edited> {
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

function removeTheme(template: Template, input: Fields): Result<Edited> {
  const ti = themeIndex(template, input.themeId);
  if (ti < 0) return fail("dialogueTemplates.themeGone");
  if (template.themes.length === 1) return fail("dialogueTemplates.lastTheme");
  const next = editable(template);
  next.themes.splice(ti, 1);
  return ok({ template: next, focus: next.themes[Math.max(0, ti - 1)]!.id });
}

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
function editClosing(template: Template, input: Fields): Result<Edited> {
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

// ---------------------------------------------------------------------------------------------
// Questions

const addQuestionSchema = z.object({
  themeId: z.string({ error: "validation.choice" }),
  kind: z.enum(QUESTION_KINDS, { error: "validation.choice" }),
});

function addQuestion(template: Template, input: Fields): Result<Edited> {
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

const questionTextSchema = z.object({
  promptNl: text(TEMPLATE_LIMITS.prompt),
  promptEn: optionalText(TEMPLATE_LIMITS.prompt),
  helpNl: optionalText(TEMPLATE_LIMITS.long),
  helpEn: optionalText(TEMPLATE_LIMITS.long),
  audience: z.enum(["group", "individual"], { error: "validation.choice" }),
});

const scaleSchema = z.object({
  scaleMin: z.enum(["0", "1"], { error: "validation.choice" }).transform(Number),
  minLabelNl: text(TEMPLATE_LIMITS.label),
  minLabelEn: optionalText(TEMPLATE_LIMITS.label),
  maxLabelNl: text(TEMPLATE_LIMITS.label),
  maxLabelEn: optionalText(TEMPLATE_LIMITS.label),
});

/** The top of a scale, 2 to 10 (checked here: the message key is outside `validation.`). */
function scaleTop(value: unknown): Result<number> {
  const n = typeof value === "string" && /^\s*\d{1,2}\s*$/.test(value) ? Number(value) : NaN;
  return n >= 2 && n <= 10
    ? ok(n)
    : fail("validation.failed", { scaleMax: { key: "dialogueTemplates.scaleMaxInvalid" } });
}

const lines = (value: unknown): string[] | null =>
  typeof value === "string"
    ? value
        .split("\n")
        .map((s) => s.trim())
        .filter((s) => s.length > 0)
    : value === undefined
      ? []
      : null;

type OptionList = { id: string; label: LocalText }[];

/**
 * The options of a choice or ranking question, typed one per line in each language. English left
 * empty takes the Dutch lines; otherwise both lists have as many lines. An option keeps its id
 * when its Dutch text is unchanged, so answers elsewhere keep meaning the same option.
 */
function parseOptions(current: OptionList, input: Fields, max: number): Result<OptionList> {
  const nl = lines(input.optionsNl);
  const en = lines(input.optionsEn);
  const errors: Record<string, Message> = {};
  if (nl === null) errors.optionsNl = { key: "dialogueTemplates.optionsCount", values: { max } };
  else if (nl.length < 2 || nl.length > max)
    errors.optionsNl = { key: "dialogueTemplates.optionsCount", values: { max } };
  else if (nl.some((s) => s.length > TEMPLATE_LIMITS.label))
    errors.optionsNl = {
      key: "dialogueTemplates.optionTooLong",
      values: { max: TEMPLATE_LIMITS.label },
    };
  if (en === null) errors.optionsEn = { key: "dialogueTemplates.optionsSameCount" };
  else if (en.length > 0 && nl !== null && en.length !== nl.length)
    errors.optionsEn = { key: "dialogueTemplates.optionsSameCount" };
  else if (en.some((s) => s.length > TEMPLATE_LIMITS.label))
    errors.optionsEn = {
      key: "dialogueTemplates.optionTooLong",
      values: { max: TEMPLATE_LIMITS.label },
    };
  if (Object.keys(errors).length > 0 || nl === null || en === null)
    return fail("validation.failed", errors);
  // Same Dutch text: same option. Otherwise the option at the same place keeps its id.
  const byLabel = new Map(current.map((o) => [o.label.nl, o.id]));
  const taken = new Set<string>();
  const ids: (string | undefined)[] = nl.map((label) => {
    const id = byLabel.get(label);
    if (id === undefined || taken.has(id)) return undefined;
    taken.add(id);
    return id;
  });
  for (const [i, id] of ids.entries()) {
    const atPlace = current[i]?.id;
    if (id === undefined && atPlace !== undefined && !taken.has(atPlace)) {
      ids[i] = atPlace;
      taken.add(atPlace);
    }
  }
  const all = new Set([...taken, ...current.map((o) => o.id)]);
  return ok(
    nl.map((label, i) => {
      let id = ids[i];
      if (id === undefined) all.add((id = freeId("o", all)));
      return { id, label: both(label, en[i] ?? "") };
    }),
  );
}

/** The prompt, help and audience of any question, the options or the scale of those that have them. */
function editQuestion(template: Template, input: Fields): Result<Edited> {
  const at = locate(template, input.questionId);
  if (!at) return fail("dialogueTemplates.questionGone");
  const question = template.themes[at.ti]!.questions[at.qi]!;
  const texts = validate(questionTextSchema, input);
  let extra: Result<Partial<Question>> = ok({});
  switch (question.kind) {
    case "single":
    case "multiple":
    case "ranking": {
      const max =
        question.kind === "ranking" ? TEMPLATE_LIMITS.rankingOptions : TEMPLATE_LIMITS.options;
      const options = parseOptions(question.options, input, max);
      extra = options.ok ? ok({ options: options.value }) : options;
      break;
    }
    case "scale": {
      const scale = validate(scaleSchema, input);
      const top = scaleTop(input.scaleMax);
      extra =
        scale.ok && top.ok
          ? ok({
              min: scale.value.scaleMin,
              max: top.value,
              minLabel: both(scale.value.minLabelNl, scale.value.minLabelEn),
              maxLabel: both(scale.value.maxLabelNl, scale.value.maxLabelEn),
            })
          : (merge(scale, top) ?? fail("validation.failed"));
      break;
    }
    default:
      break;
  }
  const failed = merge(texts, extra);
  if (failed || !texts.ok || !extra.ok) return failed ?? fail("validation.failed");
  const v = texts.value;
  const help = either(v.helpNl, v.helpEn);
  const edited = questionSchema.safeParse({
    ...question,
    ...extra.value,
    id: question.id,
    kind: question.kind,
    prompt: both(v.promptNl, v.promptEn),
    audience: v.audience,
    help: help.nl || help.en ? help : undefined,
  });
  if (!edited.success) return fail("dialogueTemplates.invalid");
  const next = editable(template);
  next.themes[at.ti]!.questions[at.qi] = edited.data;
  return ok({ template: next, focus: question.id });
}

function removeQuestion(template: Template, input: Fields): Result<Edited> {
  const at = locate(template, input.questionId);
  if (!at) return fail("dialogueTemplates.questionGone");
  if (questionIds(template).size === 1) return fail("dialogueTemplates.lastQuestion");
  const theme = template.themes[at.ti]!;
  if (theme.questions.length === 1) return fail("dialogueTemplates.lastInTheme");
  const next = editable(template);
  next.themes[at.ti]!.questions.splice(at.qi, 1);
  return ok({ template: next, focus: theme.id });
}

/**
 * One place up or down in the running order. At the edge of a theme the question moves into the
 * theme before or after it, unless that would leave its own theme empty.
 */
function move(template: Template, input: Fields, step: -1 | 1): Result<Edited> {
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
      return move(template, input, -1);
    case "moveDown":
      return move(template, input, 1);
    case "closing":
      return editClosing(template, input);
  }
}

/** New template texts from a title typed in Dutch and (optionally) English. */
export const titleSchema = z
  .object({ titleNl: text(TEMPLATE_LIMITS.title), titleEn: optionalText(TEMPLATE_LIMITS.title) })
  .transform((v) => both(v.titleNl, v.titleEn));
