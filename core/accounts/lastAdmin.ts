import type { Role } from "../../db/schema.ts";
import type { Tx } from "../kernel/tx.ts";

/**
 * The admins of a region, with their membership rows locked until the transaction ends. Every
 * change that can take away an admin locks these rows first: two admins demoting each other at
 * the same moment would otherwise both see "one other admin left" and leave none.
 */
export async function lockRegionAdmins(tx: Tx, regionId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom("memberships")
    .select("user_id")
    .where("region_id", "=", regionId)
    .where("role", "=", "admin")
    // One order for every locker, so that two of them never wait on each other.
    .orderBy("user_id")
    .forUpdate()
    .execute();
  return rows.map((r) => r.user_id);
}

/**
 * The member's role in the region, with the membership row locked; undefined when they are no
 * member. `memberships` has no id of its own, so the guard's `withRow` cannot load it: callers
 * run inside `inRegion` and every statement names the scope's region.
 */
export async function lockMembership(
  tx: Tx,
  regionId: string,
  userId: string,
): Promise<{ role: Role } | undefined> {
  return tx
    .selectFrom("memberships")
    .select("role")
    .where("region_id", "=", regionId)
    .where("user_id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
}
