import type { Db } from "../../db/client.ts";

/**
 * The admins of a region, with their membership rows locked until the transaction ends. Every
 * change that can take away an admin locks these rows first: two admins demoting each other at
 * the same moment would otherwise both see "one other admin left" and leave none.
 */
export async function lockRegionAdmins(trx: Db, regionId: string): Promise<string[]> {
  const rows = await trx
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
