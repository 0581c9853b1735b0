import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { coalitionPolicy } from "./policy.ts";

/** The coalition no longer works on the action. */
export async function unlinkAction(
  scope: RegionScope,
  coalitionId: unknown,
  input: Record<string, unknown>,
): Promise<Result<null>> {
  // No lock: one statement, scoped by the guarded coalition.
  return withRow(
    scope,
    { role: coalitionPolicy.unlinkAction, table: "coalitions", id: coalitionId },
    async (tx, coalition) => {
      const actionId = input.actionId;
      if (typeof actionId !== "string" || !isId(actionId)) return notFound();
      await tx
        .deleteFrom("coalition_actions")
        .where("coalition_id", "=", coalition.id)
        .where("action_id", "=", actionId)
        .execute();
      return ok(null);
    },
  );
}
