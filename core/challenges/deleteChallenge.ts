import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { challengePolicy } from "./policy.ts";

/**
 * Deletes a challenge with its history, ratings, roles and links (foreign keys cascade); the
 * linked events, sessions and actions themselves stay.
 */
export async function deleteChallenge(
  scope: RegionScope,
  challengeId: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: challengePolicy.deleteChallenge, table: "challenges", id: challengeId },
    async (tx, challenge) => {
      await tx.deleteFrom("challenges").where("id", "=", challenge.id).execute();
      return ok(null);
    },
  );
}
