import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { challengePolicy } from "./policy.ts";

/** Removes one link of the challenge (by the link's id); the activity itself stays. */
export async function unlinkActivity(
  scope: RegionScope,
  challengeId: unknown,
  linkId: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: challengePolicy.unlinkActivity, table: "challenges", id: challengeId },
    async (tx, challenge) => {
      if (!isId(linkId)) return notFound();
      // One statement, scoped to the guarded challenge: another challenge's link is not found.
      const gone = await tx
        .deleteFrom("challenge_links")
        .where("id", "=", linkId)
        .where("challenge_id", "=", challenge.id)
        .executeTakeFirst();
      return gone.numDeletedRows > 0n ? ok(null) : notFound();
    },
  );
}
