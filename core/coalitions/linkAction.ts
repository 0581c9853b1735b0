import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { coalitionPolicy } from "./policy.ts";
import { holdAction } from "./schema.ts";

/** The coalition works on an action of the region as well. Linking twice changes nothing. */
export async function linkAction(
  scope: RegionScope,
  coalitionId: unknown,
  input: Record<string, unknown>,
): Promise<Result<null>> {
  // The coalition is locked and the action held FOR SHARE: neither can go before the link is in.
  return withRow(
    scope,
    { role: coalitionPolicy.linkAction, table: "coalitions", id: coalitionId, lock: true },
    async (tx, coalition) => {
      const action = await holdAction(tx, scope.regionId, input.actionId);
      if (!action) return notFound();
      await tx
        .insertInto("coalition_actions")
        .values({ coalition_id: coalition.id, action_id: action.id })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return ok(null);
    },
  );
}
