import { z } from "zod";
import { inRegion } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { LIMITS, text, validate } from "../kernel/validate.ts";
import { newJoinCode } from "./joinCode.ts";
import { dialoguePolicy } from "./policy.ts";
import { questionsOf } from "./template.ts";
import { findTemplate } from "./templates/templateQueries.ts";

export const createSessionSchema = z.object({
  title: text(LIMITS.name),
  template: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }),
  language: z.enum(["nl", "en"], { error: "validation.choice" }).default("nl"),
});

/**
 * Starts a live session from a template; the session keeps its own copy, so editing or deleting
 * the template later changes nothing here. The join code is new and unique. With `eventId` (an
 * event of the scope's region, checked by the events capability) the session belongs to that
 * event.
 */
export async function createSession(
  scope: RegionScope,
  input: unknown,
  opts: { eventId?: string } = {},
): Promise<Result<{ id: string; joinCode: string }>> {
  return inRegion(scope, dialoguePolicy.createSession, async (tx) => {
    const parsed = validate(createSessionSchema, input);
    if (!parsed.ok) return parsed;
    const template = await findTemplate(scope, parsed.value.template, tx);
    if (!template) return fail("validation.failed", { template: { key: "validation.choice" } });
    for (let attempt = 0; attempt < 5; attempt++) {
      const joinCode = newJoinCode();
      // One statement: a code another session holds is skipped by the unique index, not read first.
      const row = await tx
        .insertInto("dialogue_sessions")
        .values({
          region_id: scope.regionId,
          title: parsed.value.title,
          language: parsed.value.language,
          content: JSON.stringify(template),
          join_code: joinCode,
          current_question_id: questionsOf(template)[0]!.question.id,
          created_by: scope.userId,
          event_id: opts.eventId ?? null,
        })
        .onConflict((oc) => oc.column("join_code").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (row) return ok({ id: row.id, joinCode });
    }
    throw new Error("could not find a free join code");
  });
}
