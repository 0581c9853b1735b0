import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { coalitionPolicy } from "./policy.ts";
import { leadLinks } from "./parties.ts";
import { coalitionColumns, coalitionSchema } from "./schema.ts";

/** Changes a coalition's title, lead and way of working. */
export async function updateCoalition(
  scope: RegionScope,
  coalitionId: unknown,
  input: unknown,
): Promise<Result<null>> {
  // No lock: the new values do not depend on the old ones (the lead's person and organisation
  // are held FOR SHARE by leadLinks until the update is written).
  return withRow(
    scope,
    { role: coalitionPolicy.updateCoalition, table: "coalitions", id: coalitionId },
    async (tx, coalition) => {
      const v = validate(coalitionSchema, input);
      if (!v.ok) return v;
      const lead = await leadLinks(tx, scope.regionId, v.value);
      if (!lead.ok) return lead;
      await tx
        .updateTable("coalitions")
        .set({ ...coalitionColumns(v.value), ...lead.value, updated_at: new Date() })
        .where("id", "=", coalition.id)
        .execute();
      return ok(null);
    },
  );
}
