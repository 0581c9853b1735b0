import { sql } from "kysely";
import type { Tx } from "../kernel/tx.ts";

/**
 * Sources must come from the action's harvest; an action without one takes the harvest of its
 * first source. One statement, which also holds the action's row until the transaction ends, so
 * the link written after it cannot point at an action deleted in between. "gone" when the
 * action was deleted since the guard read it, "otherHarvest" when it belongs to another harvest.
 */
export async function adoptHarvest(
  tx: Tx,
  actionId: string,
  harvestId: string,
): Promise<"adopted" | "otherHarvest" | "gone"> {
  const row = await tx
    .updateTable("actions")
    .set({
      harvest_id: harvestId,
      updated_at: sql<Date>`CASE WHEN harvest_id IS NULL THEN now() ELSE updated_at END`,
    })
    .where("id", "=", actionId)
    .where((eb) => eb.or([eb("harvest_id", "is", null), eb("harvest_id", "=", harvestId)]))
    .returning("id")
    .executeTakeFirst();
  if (row) return "adopted";
  const still = await tx
    .selectFrom("actions")
    .select("id")
    .where("id", "=", actionId)
    .executeTakeFirst();
  return still ? "otherHarvest" : "gone";
}
