import { sql } from "kysely";
import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { eventPolicy } from "./policy.ts";
import { eventQuestionsSchema } from "./schema.ts";

/**
 * Takes a question off the registration form. Answers already given stay with their
 * registrations; they are no longer shown.
 */
export async function removeEventQuestion(
  scope: RegionScope,
  eventId: unknown,
  questionId: unknown,
): Promise<Result<{ removed: boolean }>> {
  // Locked: the questions are one JSON list, read, filtered and written back.
  return withRow(
    scope,
    { role: eventPolicy.removeQuestion, table: "events", id: eventId, lock: true },
    async (tx, event): Promise<Result<{ removed: boolean }>> => {
      const questions = eventQuestionsSchema.parse(event.questions);
      const left = questions.filter((q) => q.id !== questionId);
      if (left.length === questions.length) return ok({ removed: false });
      await tx
        .updateTable("events")
        .set({ questions: JSON.stringify(left), updated_at: sql`now()` })
        .where("id", "=", event.id)
        .execute();
      return ok({ removed: true });
    },
  );
}
