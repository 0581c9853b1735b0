import { z } from "zod";
import { forbidden, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { id, validate } from "../kernel/validate.ts";
import { lockRegionAdmins } from "./lastAdmin.ts";

/**
 * Ends someone's membership of the region; their account and other regions stay. Admins only,
 * and never the last admin.
 */
export async function removeMember(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ userId: string }>> {
  if (!hasRole(scope.role, "admin")) return forbidden();
  const parsed = validate(z.object({ userId: id() }), input);
  if (!parsed.ok) return notFound();
  const { userId } = parsed.value;
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
    if (member.role === "admin" && admins.length <= 1) return fail("members.lastAdminRemove");
    await trx
      .deleteFrom("memberships")
      .where("region_id", "=", scope.regionId)
      .where("user_id", "=", userId)
      .execute();
    return ok({ userId });
  });
}
