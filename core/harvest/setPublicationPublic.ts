import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { harvestPolicy } from "./policy.ts";

/** Publishes the web publication (or takes it offline). One statement on the guarded row. */
export async function setPublicationPublic(
  scope: RegionScope,
  harvestId: string,
  on: boolean,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: harvestPolicy.setPublicationPublic, table: "harvests", id: harvestId },
    async (tx, harvest) => {
      await tx
        .updateTable("harvests")
        .set({ publication_public: on, updated_at: new Date() })
        .where("id", "=", harvest.id)
        .execute();
      return ok(null);
    },
  );
}
