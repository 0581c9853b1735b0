import { z } from "zod";
import { inRegion } from "../kernel/guard.ts";
import { conflict, notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { id, validate } from "../kernel/validate.ts";
import { lockMembership, lockRegionAdmins } from "./lastAdmin.ts";
import { accountsPolicy } from "./policy.ts";

export const removeMemberSchema = z.object({ userId: id() });

/**
 * Ends someone's membership of the region; their account and other regions stay. Admins only,
 * and never the last admin.
 */
export async function removeMember(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ userId: string }>> {
  return inRegion(scope, accountsPolicy.removeMember, async (tx) => {
    const parsed = validate(removeMemberSchema, input);
    if (!parsed.ok) return notFound();
    const { userId } = parsed.value;
    // The region's admin rows first, then this member's: the count holds until the change commits.
    const admins = await lockRegionAdmins(tx, scope.regionId);
    const member = await lockMembership(tx, scope.regionId, userId);
    if (!member) return notFound();
    if (member.role === "admin" && admins.length <= 1) return conflict("members.lastAdminRemove");
    await tx
      .deleteFrom("memberships")
      .where("region_id", "=", scope.regionId)
      .where("user_id", "=", userId)
      .execute();
    return ok({ userId });
  });
}
