import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { actionPolicy } from "./policy.ts";

/** Its progress notes and links go with it (ON DELETE CASCADE). */
export async function deleteAction(scope: RegionScope, actionId: string): Promise<Result<null>> {
  return withRow(
    scope,
    { role: actionPolicy.deleteAction, table: "actions", id: actionId },
    async (tx, action) => {
      await tx.deleteFrom("actions").where("id", "=", action.id).execute();
      return ok(null);
    },
  );
}
