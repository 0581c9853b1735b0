import { withRow } from "../../kernel/guard.ts";
import { ok, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { dialoguePolicy } from "../policy.ts";

/**
 * Deletes one of the region's own templates. Sessions started from it are not touched: each
 * session keeps its own copy of the template it started with.
 */
export function deleteTemplate(scope: RegionScope, id: unknown): Promise<Result<null>> {
  // One statement after the guard found the row: nothing read decides what is written.
  return withRow(
    scope,
    { role: dialoguePolicy.manageTemplates, table: "dialogue_templates", id },
    async (tx, row) => {
      await tx.deleteFrom("dialogue_templates").where("id", "=", row.id).execute();
      return ok(null);
    },
  );
}
