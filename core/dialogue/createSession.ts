import { z } from "zod";
import { forbidden, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { LIMITS, text, validate } from "../kernel/validate.ts";
import { newJoinCode } from "./joinCode.ts";
import { questionsOf, templateSchema, type Template } from "./template.ts";
import { BUILTIN_TEMPLATES } from "./templates/index.ts";

export const createSessionSchema = z.object({
  title: text(LIMITS.name),
  template: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }),
  language: z.enum(["nl", "en"], { error: "validation.choice" }).default("nl"),
});

/** A built-in template by key, or one of the region's own by id; null when neither. */
export async function findTemplate(scope: RegionScope, ref: string): Promise<Template | null> {
  const builtin = BUILTIN_TEMPLATES.find((t) => t.key === ref);
  if (builtin) return builtin.template;
  if (!/^[0-9a-f-]{36}$/.test(ref)) return null;
  const row = await scope.db
    .selectFrom("dialogue_templates")
    .select("content")
    .where("region_id", "=", scope.regionId)
    .where("id", "=", ref)
    .executeTakeFirst();
  if (!row) return null;
  const parsed = templateSchema.safeParse(row.content);
  return parsed.success ? parsed.data : null;
}

/**
 * Starts a live session from a template; facilitators and up. The join code is new and unique.
 * With `eventId` (an event of the scope's region) the session belongs to that event.
 */
export async function createSession(
  scope: RegionScope,
  input: unknown,
  opts: { eventId?: string } = {},
): Promise<Result<{ id: string; joinCode: string }>> {
  if (!hasRole(scope.role, "facilitator")) return forbidden();
  const parsed = validate(createSessionSchema, input);
  if (!parsed.ok) return parsed;
  const template = await findTemplate(scope, parsed.value.template);
  if (!template) return fail("validation.failed", { template: { key: "validation.choice" } });
  for (let attempt = 0; attempt < 5; attempt++) {
    const joinCode = newJoinCode();
    const row = await scope.db
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
}
