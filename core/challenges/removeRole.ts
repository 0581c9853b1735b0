import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { challengePolicy } from "./policy.ts";

/** A party no longer plays this role; one statement scoped to the guarded challenge. */
export async function removeRole(
  scope: RegionScope,
  challengeId: unknown,
  roleId: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: challengePolicy.removeRole, table: "challenges", id: challengeId },
    async (tx, challenge) => {
      if (!isId(roleId)) return notFound();
      const gone = await tx
        .deleteFrom("challenge_roles")
        .where("id", "=", roleId)
        .where("challenge_id", "=", challenge.id)
        .executeTakeFirst();
      return gone.numDeletedRows > 0n ? ok(null) : notFound();
    },
  );
}
