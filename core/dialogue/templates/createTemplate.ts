import { forbidden, ok, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { validate } from "../../kernel/validate.ts";
import type { Template } from "../template.ts";
import { checkTemplate, cleanInput, emptyTemplate, titleSchema } from "./templateEdits.ts";
import { canManageTemplates } from "./templateQueries.ts";

/** Saves a checked template as a new one of the region's own. */
export async function insertTemplate(
  scope: RegionScope,
  template: Template,
): Promise<Result<{ id: string }>> {
  const checked = checkTemplate(template);
  if (!checked.ok) return checked;
  const row = await scope.db
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
export async function createTemplate(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ id: string }>> {
  if (!canManageTemplates(scope)) return forbidden();
  const title = validate(titleSchema, cleanInput(input));
  if (!title.ok) return title;
  return insertTemplate(scope, emptyTemplate(title.value));
}
