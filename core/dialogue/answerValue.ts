import { z } from "zod";
import { storableDeep } from "../kernel/validate.ts";
import { PHASE_POINTS, PHASES, type Question } from "./template.ts";

export const MAX_OPEN_ANSWER = 2000;
export const MAX_WORDS = 3;
export const MAX_WORD_LENGTH = 40;

const ladderLevel = z
  .number({ error: "dialogue.answerLadder" })
  .int({ error: "dialogue.answerLadder" })
  .min(1, { error: "dialogue.answerLadder" })
  .max(5, { error: "dialogue.answerLadder" });

/** The schema an answer to `question` must satisfy; the message keys are shown to the participant. */
export function answerSchema(question: Question): z.ZodType {
  switch (question.kind) {
    case "open":
      return z
        .string()
        .trim()
        .min(1, { error: "dialogue.answerEmpty" })
        .max(MAX_OPEN_ANSWER, { error: "dialogue.answerTooLong" });
    case "single":
      return z.enum(question.options.map((o) => o.id) as [string, ...string[]], {
        error: "dialogue.answerChoice",
      });
    case "multiple": {
      const ids = question.options.map((o) => o.id) as [string, ...string[]];
      return z
        .array(z.enum(ids, { error: "dialogue.answerChoice" }))
        .min(1, { error: "dialogue.answerEmpty" })
        .refine((a) => new Set(a).size === a.length, { error: "dialogue.answerChoice" });
    }
    case "scale":
      return z.coerce
        .number()
        .int({ error: "dialogue.answerScale" })
        .min(question.min, { error: "dialogue.answerScale" })
        .max(question.max, { error: "dialogue.answerScale" });
    case "ladder":
      return z.object(
        { now: z.coerce.number().pipe(ladderLevel), desired: z.coerce.number().pipe(ladderLevel) },
        { error: "dialogue.answerLadder" },
      );
    case "phases":
      return z
        .object(
          Object.fromEntries(
            PHASES.map((p) => [p, z.coerce.number().int().min(0).max(PHASE_POINTS)]),
          ),
          { error: "dialogue.answerPhases" },
        )
        .refine(
          (v) =>
            PHASES.reduce((sum, p) => sum + (v as Record<string, number>)[p]!, 0) === PHASE_POINTS,
          { error: "dialogue.answerPhases" },
        );
    case "ranking": {
      const ids = question.options.map((o) => o.id);
      return z
        .array(z.string())
        .refine(
          (a) =>
            a.length === ids.length &&
            new Set(a).size === ids.length &&
            a.every((id) => ids.includes(id)),
          { error: "dialogue.answerRanking" },
        );
    }
    case "wordcloud":
      return z
        .union([z.string(), z.array(z.string())])
        .transform((v) =>
          (Array.isArray(v) ? v : v.split(/[,\n]/))
            .map((w) => w.trim().toLowerCase())
            .filter(Boolean),
        )
        .pipe(
          z
            .array(z.string().max(MAX_WORD_LENGTH, { error: "dialogue.answerWordTooLong" }))
            .min(1, { error: "dialogue.answerEmpty" })
            .max(MAX_WORDS, { error: "dialogue.answerTooManyWords" }),
        );
  }
}

export type AnswerCheck = { ok: true; value: unknown } | { ok: false; error: string };

export function checkAnswer(question: Question, value: unknown): AnswerCheck {
  const parsed = answerSchema(question).safeParse(value);
  // An answer arrives as JSON over the socket, which can carry a NUL ("\u0000") or half of a
  // surrogate pair ("\ud800"); the database refuses both inside JSON, and would fail the batch
  // of answers this one is committed with.
  if (parsed.success && !storableDeep(parsed.data))
    return { ok: false, error: "dialogue.answerCharacters" };
  if (parsed.success) return { ok: true, value: parsed.data };
  const message = parsed.error.issues[0]?.message ?? "";
  return { ok: false, error: message.startsWith("dialogue.") ? message : "dialogue.answerInvalid" };
}
