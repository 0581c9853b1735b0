import { sql } from "kysely";
import type { Db } from "../../db/client.ts";

/**
 * People who offered to join a coalition but were declined, or never answered, are kept no
 * longer than the region's retention period; members stay while the coalition exists (an
 * organiser removes them, which deletes the row).
 */
export async function forgetExpiredInterest(db: Db, now = new Date()): Promise<number> {
  const gone = await db
    .deleteFrom("coalition_members as m")
    .using(["coalitions as c", "regions as r"])
    .whereRef("c.id", "=", "m.coalition_id")
    .whereRef("r.id", "=", "c.region_id")
    .where("m.status", "in", ["interested", "declined"])
    .where(sql<boolean>`m.created_at + r.retention_months * interval '1 month' < ${now}`)
    .executeTakeFirst();
  return Number(gone.numDeletedRows);
}
