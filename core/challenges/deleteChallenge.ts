import { withRow } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { challengePolicy } from "./policy.ts";

/**
 * Deletes a challenge with its history, ratings, roles and links (foreign keys cascade); the
 * linked events, sessions and actions themselves stay. Years of history go with it, so the
 * person confirms; the check is inside the guard, so another region's challenge is "not found"
 * whether confirmed or not.
 */
export async function deleteChallenge(
  scope: RegionScope,
  challengeId: unknown,
  input: { confirmed: boolean },
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: challengePolicy.deleteChallenge, table: "challenges", id: challengeId },
    async (tx, challenge) => {
      if (!input.confirmed)
        return fail("validation.failed", { confirm: { key: "validation.required" } });
      await tx.deleteFrom("challenges").where("id", "=", challenge.id).execute();
      return ok(null);
    },
  );
}
