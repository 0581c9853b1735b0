import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { coalitionPolicy } from "./policy.ts";

/** Deletes a coalition; its members and links to actions go with it (ON DELETE CASCADE). */
export async function deleteCoalition(
  scope: RegionScope,
  coalitionId: unknown,
): Promise<Result<null>> {
  // No lock: one statement, and nothing read decides it.
  return withRow(
    scope,
    { role: coalitionPolicy.deleteCoalition, table: "coalitions", id: coalitionId },
    async (tx, coalition) => {
      await tx.deleteFrom("coalitions").where("id", "=", coalition.id).execute();
      return ok(null);
    },
  );
}
