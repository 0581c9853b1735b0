import { sql } from "kysely";
import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { harvestPolicy } from "./policy.ts";

/**
 * Puts the harvest's action agenda online (or takes it offline). The flag is a column of the
 * harvest, so the harvest module writes it; the agenda's page asks here. One statement.
 */
export async function setAgendaPublic(
  scope: RegionScope,
  harvestId: string,
  on: boolean,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: harvestPolicy.setAgendaPublic, table: "harvests", id: harvestId },
    async (tx, harvest) => {
      await tx
        .updateTable("harvests")
        .set({ agenda_public: on, updated_at: sql`now()` })
        .where("id", "=", harvest.id)
        .execute();
      return ok(null);
    },
  );
}
