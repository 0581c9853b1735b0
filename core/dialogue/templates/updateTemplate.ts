import { sql } from "kysely";
import { withRow } from "../../kernel/guard.ts";
import { fail, ok, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { dialoguePolicy } from "../policy.ts";
import { templateSchema } from "../template.ts";
import { checkTemplate, type Edited } from "./editing.ts";
import { applyEdit, isTemplateCommand } from "./templateEdits.ts";

/**
 * Applies one editor command (`templateEdits.ts`) to one of the region's own templates and saves
 * the result, which must still satisfy `templateSchema`. Sessions are not touched: they run on
 * their own copy.
 */
export function updateTemplate(
  scope: RegionScope,
  id: unknown,
  command: string,
  input: unknown,
): Promise<Result<Edited>> {
  // Locked: the edit is made to the template as read, so two organisers saving at once both
  // keep their change instead of the second overwriting the first.
  return withRow(
    scope,
    { role: dialoguePolicy.manageTemplates, table: "dialogue_templates", id, lock: true },
    async (tx, row) => {
      if (!isTemplateCommand(command)) return fail("errors.badRequest");
      const current = templateSchema.safeParse(row.content);
      if (!current.success) return fail("dialogueTemplates.invalid");
      const edited = applyEdit(current.data, command, input);
      if (!edited.ok) return edited;
      const checked = checkTemplate(edited.value.template);
      if (!checked.ok) return checked;
      await tx
        .updateTable("dialogue_templates")
        .set({
          title: checked.value.title.nl,
          content: JSON.stringify(checked.value),
          updated_at: sql`now()`,
        })
        .where("id", "=", row.id)
        .execute();
      return ok({ template: checked.value, focus: edited.value.focus });
    },
  );
}
