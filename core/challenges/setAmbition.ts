import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { challengePolicy } from "./policy.ts";
import { ambitionSchema } from "./schema.ts";

/**
 * The coordinator places the challenge on the ambition ladder (01–05), now and desired. Each
 * setting is a new row of the history (one insert), never an overwrite: the history is the point.
 */
export async function setAmbition(
  scope: RegionScope,
  challengeId: unknown,
  input: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: challengePolicy.setAmbition, table: "challenges", id: challengeId },
    async (tx, challenge) => {
      const v = validate(ambitionSchema, input);
      if (!v.ok) return v;
      await tx
        .insertInto("challenge_ambitions")
        .values({
          challenge_id: challenge.id,
          now_level: v.value.now,
          desired_level: v.value.desired,
          note: v.value.note,
          set_by: scope.userId,
        })
        .execute();
      return ok(null);
    },
  );
}
