import { z } from "zod";

/**
 * A dialogue template: themes with questions, as the learning-region poster has them (a question
 * to the group and one to the individual per topic), plus closing guidance. Texts are given per
 * language so that one session can be run in Dutch or English.
 */

const text = z.object({ nl: z.string().min(1).max(2000), en: z.string().min(1).max(2000) });
const optionalText = z.object({ nl: z.string().max(4000), en: z.string().max(4000) });
export type LocalText = z.infer<typeof text>;

const option = z.object({ id: z.string().regex(/^[a-z0-9-]{1,40}$/), label: text });

const base = {
  id: z.string().regex(/^[a-z0-9-]{1,60}$/),
  prompt: text,
  /** "group": answered once per group by its scribe; "individual": by every participant. */
  audience: z.enum(["group", "individual"]),
  help: optionalText.optional(),
};

export const questionSchema = z.discriminatedUnion("kind", [
  z.object({ ...base, kind: z.literal("open") }),
  z.object({ ...base, kind: z.literal("single"), options: z.array(option).min(2).max(12) }),
  z.object({ ...base, kind: z.literal("multiple"), options: z.array(option).min(2).max(12) }),
  z.object({
    ...base,
    kind: z.literal("scale"),
    min: z.number().int().min(0).max(1),
    max: z.number().int().min(2).max(10),
    minLabel: text,
    maxLabel: text,
  }),
  /** Place the collaboration on the five-level ambition ladder, now and desired. */
  z.object({ ...base, kind: z.literal("ladder") }),
  /** Divide 10 points over the four phases of the cycle. */
  z.object({ ...base, kind: z.literal("phases") }),
  z.object({ ...base, kind: z.literal("ranking"), options: z.array(option).min(2).max(10) }),
  z.object({ ...base, kind: z.literal("wordcloud") }),
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionKind = Question["kind"];

export const themeSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,60}$/),
  title: text,
  intro: optionalText,
  questions: z.array(questionSchema).min(1).max(40),
});
export type Theme = z.infer<typeof themeSchema>;

export const templateSchema = z.object({
  title: text,
  description: optionalText,
  themes: z.array(themeSchema).min(1).max(20),
  closing: z.object({
    title: text,
    tips: z.array(z.object({ title: text, body: optionalText })).max(12),
  }),
  sources: z.array(z.string().max(500)).max(10),
});
export type Template = z.infer<typeof templateSchema>;

/** The questions of a template in running order. */
export function questionsOf(template: Template): { theme: Theme; question: Question }[] {
  return template.themes.flatMap((theme) =>
    theme.questions.map((question) => ({ theme, question })),
  );
}

/** The five levels of the ambition ladder (seed 001), lowest first. */
export const LADDER_LEVELS = [1, 2, 3, 4, 5] as const;
/** The four phases of the cycle (seed 001). */
export const PHASES = ["urgency", "network", "together", "consolidate"] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_POINTS = 10;
