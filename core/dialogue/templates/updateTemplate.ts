import { sql } from "kysely";
import { forbidden, notFound, fail, ok, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { isId } from "../../kernel/validate.ts";
import { templateSchema } from "../template.ts";
import { applyEdit, checkTemplate, isTemplateCommand, type Edited } from "./templateEdits.ts";
import { canManageTemplates } from "./templateQueries.ts";

/**
 * Applies one editor command (`templateEdits.ts`) to one of the region's own templates and saves
 * the result, which must still satisfy `templateSchema`. The row is locked while it is edited, so
 * that two organisers saving at once both keep their change. Sessions are not touched: they run
 * on their own copy.
 */
export async function updateTemplate(
  scope: RegionScope,
  id: unknown,
  command: string,
  input: unknown,
): Promise<Result<Edited>> {
  if (!canManageTemplates(scope)) return forbidden();
  if (!isId(id)) return notFound();
  if (!isTemplateCommand(command)) return fail("errors.badRequest");
  return scope.db.transaction().execute(async (trx): Promise<Result<Edited>> => {
    const row = await trx
      .selectFrom("dialogue_templates")
      .select("content")
      .where("region_id", "=", scope.regionId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return notFound();
    const current = templateSchema.safeParse(row.content);
    if (!current.success) return fail("dialogueTemplates.invalid");
    const edited = applyEdit(current.data, command, input);
    if (!edited.ok) return edited;
    const checked = checkTemplate(edited.value.template);
    if (!checked.ok) return checked;
    await trx
      .updateTable("dialogue_templates")
      .set({
        title: checked.value.title.nl,
        content: JSON.stringify(checked.value),
        updated_at: sql`now()`,
      })
      .where("region_id", "=", scope.regionId)
      .where("id", "=", id)
      .execute();
    return ok({ template: checked.value, focus: edited.value.focus });
  });
}
