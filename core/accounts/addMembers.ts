import type { Db } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";

/**
 * Makes accounts members of a region, in the caller's transaction: a new region's creator as its
 * first admin, an imported region's members. Joining by invitation is acceptInvitation's.
 */
export async function addMembers(
  db: Db,
  members: readonly { userId: string; regionId: string; role: Role }[],
): Promise<void> {
  if (members.length === 0) return;
  await db
    .insertInto("memberships")
    .values(members.map((m) => ({ user_id: m.userId, region_id: m.regionId, role: m.role })))
    .execute();
}
