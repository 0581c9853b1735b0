import { z } from "zod";
import { PERSPECTIVES, SECTORS } from "../kernel/sectors.ts";
import { id, LIMITS, optionalText, text } from "../kernel/validate.ts";
import { SCAN_FORMS, SCAN_THEMES } from "./statements.ts";

export const SCAN_LIMITS = {
  title: 200,
  statement: 300,
  roundLabel: 100,
  /** Own statements per scan: a questionnaire people finish on a phone stays short. */
  ownStatements: 20,
  /** Personal links made at once. */
  links: 500,
} as const;

/** Below this many respondents a breakdown (a sector, a perspective) is not shown. */
export const MIN_GROUP = 5;
/** The benchmark shows other regions only when at least this many contribute. */
export const MIN_REGIONS = 5;

/** A choice a person may leave empty: "" or absent is null. */
const emptyToNull = <T extends z.ZodType>(inner: T) =>
  z
    .union([z.literal(""), inner])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : (v as z.output<T>)));

export const newScanSchema = z.object({
  title: text(SCAN_LIMITS.title),
  challengeId: emptyToNull(id()),
});

export const statementSchema = z.object({
  theme: z.enum(SCAN_THEMES, { error: "validation.choice" }),
  form: z.enum(SCAN_FORMS, { error: "validation.choice" }),
  text: text(SCAN_LIMITS.statement),
});

export const openRoundSchema = z.object({
  label: optionalText(SCAN_LIMITS.roundLabel),
});

export const linksSchema = z.object({
  count: z.coerce
    .number({ error: "validation.required" })
    .int({ error: "validation.invalid" })
    .min(1, { error: "validation.invalid" })
    .max(SCAN_LIMITS.links, { error: () => `validation.tooMany|${SCAN_LIMITS.links}` }),
});

const scale = z.coerce
  .number({ error: "scan.form.pick" })
  .int({ error: "scan.form.pick" })
  .min(1, { error: "scan.form.pick" })
  .max(5, { error: "scan.form.pick" });
/** A scale a respondent may leave open: "" or absent is no answer. */
const optionalScale = z
  .union([z.literal(""), scale])
  .optional()
  .transform((v) => (v === "" || v === undefined ? null : v));

/**
 * A response as the public form sends it. Every question may be skipped (a respondent who does
 * not know leaves it open), but a response must answer something.
 */
export const responseSchema = z.object({
  name: optionalText(LIMITS.name),
  sector: emptyToNull(z.enum(SECTORS, { error: "validation.choice" })),
  perspective: emptyToNull(z.enum(PERSPECTIVES, { error: "validation.choice" })),
  ladderNow: optionalScale,
  ladderDesired: optionalScale,
  phase1: optionalScale,
  phase2: optionalScale,
  phase3: optionalScale,
  phase4: optionalScale,
  /** The honeypot: hidden from people, filled in by bots. */
  website: z.string().default(""),
});

export { optionalScale as answerScale };
