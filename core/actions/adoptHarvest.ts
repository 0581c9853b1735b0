import { sql } from "kysely";
import type { Tx } from "../kernel/tx.ts";

/**
 * Sources must come from the action's harvest; an action without one takes the harvest of its
 * first source. One statement (no lock): false when the action already belongs to another harvest.
 */
export async function adoptHarvest(tx: Tx, actionId: string, harvestId: string): Promise<boolean> {
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
  return row !== undefined;
}
