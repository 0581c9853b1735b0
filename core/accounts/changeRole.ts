import { z } from "zod";
import type { Role } from "../../db/schema.ts";
import { inRegion } from "../kernel/guard.ts";
import { conflict, notFound, ok, type Result } from "../kernel/result.ts";
import { ROLES, type RegionScope } from "../kernel/scope.ts";
import { id, validate } from "../kernel/validate.ts";
import { lockMembership, lockRegionAdmins } from "./lastAdmin.ts";
import { accountsPolicy } from "./policy.ts";

export const changeRoleSchema = z.object({
  userId: id(),
  role: z.enum(ROLES as [Role, ...Role[]], { error: "validation.choice" }),
});

/**
 * Gives a member of the region another role. Admins only. The last admin cannot be demoted, not
 * even by themselves: a region without an admin can no longer invite anyone or change anything.
 */
export async function changeRole(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ userId: string; role: Role }>> {
  return inRegion(scope, accountsPolicy.changeRole, async (tx) => {
    const parsed = validate(changeRoleSchema, input);
    if (!parsed.ok) return parsed.fieldErrors?.userId ? notFound() : parsed;
    const { userId, role } = parsed.value;
    // The region's admin rows first, then this member's: the count holds until the change commits.
    const admins = await lockRegionAdmins(tx, scope.regionId);
    const member = await lockMembership(tx, scope.regionId, userId);
    if (!member) return notFound();
    if (member.role === "admin" && role !== "admin" && admins.length <= 1)
      return conflict("members.lastAdminDemote");
    await tx
      .updateTable("memberships")
      .set({ role })
      .where("region_id", "=", scope.regionId)
      .where("user_id", "=", userId)
      .execute();
    return ok({ userId, role });
  });
}
