import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { challengePolicy } from "./policy.ts";

/** Removes one party's rating; one statement scoped to the guarded challenge. */
export async function removeRating(
  scope: RegionScope,
  challengeId: unknown,
  ratingId: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: challengePolicy.removeRating, table: "challenges", id: challengeId },
    async (tx, challenge) => {
      if (!isId(ratingId)) return notFound();
      const gone = await tx
        .deleteFrom("challenge_ratings")
        .where("id", "=", ratingId)
        .where("challenge_id", "=", challenge.id)
        .executeTakeFirst();
      return gone.numDeletedRows > 0n ? ok(null) : notFound();
    },
  );
}
