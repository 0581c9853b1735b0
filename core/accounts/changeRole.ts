import { z } from "zod";
import type { Role } from "../../db/schema.ts";
import { forbidden, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, ROLES, type RegionScope } from "../kernel/scope.ts";
import { id, validate } from "../kernel/validate.ts";
import { lockRegionAdmins } from "./lastAdmin.ts";

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
  if (!hasRole(scope.role, "admin")) return forbidden();
  const parsed = validate(changeRoleSchema, input);
  if (!parsed.ok) {
    if (parsed.fieldErrors?.userId) return notFound();
    return parsed;
  }
  const { userId, role } = parsed.value;
  return scope.db.transaction().execute(async (trx) => {
    const admins = await lockRegionAdmins(trx, scope.regionId);
    const member = await trx
      .selectFrom("memberships")
      .select("role")
      .where("region_id", "=", scope.regionId)
      .where("user_id", "=", userId)
      .forUpdate()
      .executeTakeFirst();
    if (!member) return notFound();
    if (member.role === "admin" && role !== "admin" && admins.length <= 1)
      return fail("members.lastAdminDemote");
    await trx
      .updateTable("memberships")
      .set({ role })
      .where("region_id", "=", scope.regionId)
      .where("user_id", "=", userId)
      .execute();
    return ok({ userId, role });
  });
}
