import { inRegion } from "../../kernel/guard.ts";
import { ok, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import type { Tx } from "../../kernel/tx.ts";
import { validate } from "../../kernel/validate.ts";
import { dialoguePolicy } from "../policy.ts";
import type { Template } from "../template.ts";
import { checkTemplate, cleanInput, emptyTemplate, titleSchema } from "./editing.ts";

/** Saves a checked template as a new one of the region's own, in the caller's transaction. */
export async function insertTemplate(
  tx: Tx,
  scope: RegionScope,
  template: Template,
): Promise<Result<{ id: string }>> {
  const checked = checkTemplate(template);
  if (!checked.ok) return checked;
  const row = await tx
    .insertInto("dialogue_templates")
    .values({
      region_id: scope.regionId,
      title: checked.value.title.nl,
      content: JSON.stringify(checked.value),
      created_by: scope.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return ok({ id: row.id });
}

/** A new template of the region's own to build from scratch: one theme with one open question. */
export function createTemplate(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ id: string }>> {
  return inRegion(scope, dialoguePolicy.manageTemplates, async (tx) => {
    const title = validate(titleSchema, cleanInput(input));
    if (!title.ok) return title;
    return insertTemplate(tx, scope, emptyTemplate(title.value));
  });
}
