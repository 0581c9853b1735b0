import { withRow } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { challengePolicy } from "./policy.ts";
import { phaseChangeSchema } from "./schema.ts";

/**
 * Moves a challenge to another phase, forward or back, with the reason. The challenge row is
 * locked (`FOR UPDATE`): the history row's from_phase is read from it, and two coordinators
 * moving it at once are put in line, so the current phase is always the last change's.
 */
export async function changePhase(
  scope: RegionScope,
  challengeId: unknown,
  input: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: challengePolicy.changePhase, table: "challenges", id: challengeId, lock: true },
    async (tx, challenge) => {
      const v = validate(phaseChangeSchema, input);
      if (!v.ok) return v;
      if (v.value.phase === challenge.phase)
        return fail("validation.failed", { phase: { key: "challenges.samePhase" } });
      const change = await tx
        .insertInto("challenge_phase_changes")
        .values({
          challenge_id: challenge.id,
          from_phase: challenge.phase,
          to_phase: v.value.phase,
          reason: v.value.reason,
          changed_by: scope.userId,
        })
        .returning("changed_at")
        .executeTakeFirstOrThrow();
      await tx
        .updateTable("challenges")
        .set({ phase: v.value.phase, phase_since: change.changed_at, updated_at: new Date() })
        .where("id", "=", challenge.id)
        .execute();
      return ok(null);
    },
  );
}
