import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { actionPolicy } from "./policy.ts";
import { actionColumns, actionSchema } from "./schema.ts";

/** The action's fields as the organiser edits them. One statement on the guarded row. */
export async function updateAction(
  scope: RegionScope,
  actionId: string,
  input: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: actionPolicy.updateAction, table: "actions", id: actionId },
    async (tx, action) => {
      const v = validate(actionSchema, input);
      if (!v.ok) return v;
      await tx
        .updateTable("actions")
        .set({ ...actionColumns(v.value), updated_at: new Date() })
        .where("id", "=", action.id)
        .execute();
      return ok(null);
    },
  );
}
