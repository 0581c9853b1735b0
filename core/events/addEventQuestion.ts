import { sql } from "kysely";
import { newToken } from "../accounts/tokens.ts";
import { withRow } from "../kernel/guard.ts";
import { conflict, fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { eventPolicy } from "./policy.ts";
import { eventQuestionsSchema, newQuestionSchema } from "./schema.ts";

const MAX_QUESTIONS = 20;

/** Adds a question to the event's registration form. */
export async function addEventQuestion(
  scope: RegionScope,
  eventId: unknown,
  input: unknown,
): Promise<Result<{ id: string }>> {
  const parsed = validate(newQuestionSchema, input);
  // Locked: the questions are one JSON list, read, extended and written back; without the lock
  // two organisers adding at the same moment would each write a list without the other's.
  return withRow(
    scope,
    { role: eventPolicy.addQuestion, table: "events", id: eventId, lock: true },
    async (tx, event) => {
      if (!parsed.ok) return parsed;
      const v = parsed.value;
      if (v.kind === "choice" && v.options.length < 2)
        return fail("validation.failed", { options: { key: "events.twoOptions" } });
      if (v.options.length > 20 || v.options.some((o) => o.length > 200))
        return fail("validation.failed", { options: { key: "events.optionsTooMany" } });
      const questions = eventQuestionsSchema.parse(event.questions);
      if (questions.length >= MAX_QUESTIONS) return conflict("events.tooManyQuestions");
      const id =
        newToken()
          .replace(/[^a-z0-9]/g, "")
          .slice(0, 8) || "q";
      questions.push({
        id,
        kind: v.kind,
        label: v.label,
        options: v.kind === "choice" ? v.options : [],
        required: v.required,
      });
      await tx
        .updateTable("events")
        .set({ questions: JSON.stringify(questions), updated_at: sql`now()` })
        .where("id", "=", event.id)
        .execute();
      return ok({ id });
    },
  );
}
