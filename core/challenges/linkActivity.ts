import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { challengePolicy } from "./policy.ts";
import { holdActivity, isLinkKind, LINK_COLUMN } from "./schema.ts";

/**
 * Links an event, dialogue session, harvest, action or coalition of the region to the challenge,
 * marked with the phase the challenge is in. Linking twice changes nothing (the unique index
 * per kind; one statement). The challenge is locked, so a phase change at the same moment waits
 * and the link carries the phase it was made in; the activity is held FOR SHARE, so it cannot be
 * deleted before the link that points at it is in.
 */
export async function linkActivity(
  scope: RegionScope,
  challengeId: unknown,
  input: { kind?: unknown; id?: unknown },
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: challengePolicy.linkActivity, table: "challenges", id: challengeId, lock: true },
    async (tx, challenge) => {
      const kind = input.kind;
      if (!isLinkKind(kind)) return notFound();
      const activity = await holdActivity(tx, scope.regionId, kind, input.id);
      if (!activity) return notFound();
      await tx
        .insertInto("challenge_links")
        .values({
          challenge_id: challenge.id,
          phase: challenge.phase,
          [LINK_COLUMN[kind]]: activity.id,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return ok(null);
    },
  );
}
