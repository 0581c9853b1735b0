import { sql } from "kysely";
import type { Tx } from "../kernel/tx.ts";

/**
 * People who offered to join a coalition but were declined, or never answered, are kept no
 * longer than the region's retention period; members stay while the coalition exists (an
 * organiser removes them, which deletes the row).
 */
export async function forgetExpiredInterest(tx: Tx, now = new Date()): Promise<number> {
  const gone = await tx
    .deleteFrom("coalition_members as m")
    .using(["coalitions as c", "regions as r"])
    .whereRef("c.id", "=", "m.coalition_id")
    .whereRef("r.id", "=", "c.region_id")
    .where("m.status", "in", ["interested", "declined"])
    .where(sql<boolean>`m.created_at + r.retention_months * interval '1 month' < ${now}`)
    .executeTakeFirst();
  return Number(gone.numDeletedRows);
}
