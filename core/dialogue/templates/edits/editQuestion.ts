import { z } from "zod";
import type { Message } from "../../../../i18n/index.ts";
import { fail, ok, type Result } from "../../../kernel/result.ts";
import { optionalText, text, validate } from "../../../kernel/validate.ts";
import { questionSchema, type LocalText, type Question, type Template } from "../../template.ts";
import {
  TEMPLATE_LIMITS,
  both,
  editable,
  either,
  freeId,
  locate,
  merge,
  type Edited,
  type Fields,
} from "../editing.ts";

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
export function editQuestion(template: Template, input: Fields): Result<Edited> {
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
