import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { challengePolicy } from "./policy.ts";
import { holdParty, roleSchema } from "./schema.ts";

/**
 * A party plays a role in the challenge (initiator, knowledge broker, bridge builder, …). The
 * role is one of the region's list or a name typed for this challenge. Assigning the same role
 * to the same party twice changes nothing (the unique constraint; one statement).
 */
export async function assignRole(
  scope: RegionScope,
  challengeId: unknown,
  input: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: challengePolicy.assignRole, table: "challenges", id: challengeId },
    async (tx, challenge) => {
      const v = validate(roleSchema, input);
      if (!v.ok) return v;
      const party = await holdParty(tx, scope.regionId, v.value);
      if (!party) return notFound();
      await tx
        .insertInto("challenge_roles")
        .values({
          challenge_id: challenge.id,
          role: v.value.role,
          organisation_id: party.organisation?.id ?? null,
          person_id: party.person?.id ?? null,
          note: v.value.note,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return ok(null);
    },
  );
}
