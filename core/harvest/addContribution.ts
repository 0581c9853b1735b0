import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { addSchema, onTagsField } from "./contributionSchema.ts";
import { harvestPolicy } from "./policy.ts";

/** Adds a contribution by hand (origin 'manual'), e.g. from a flip-over or an e-mail. */
export async function addContribution(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ id: string }>> {
  return withRow(
    scope,
    { role: harvestPolicy.addContribution, table: "harvests", id: harvestId },
    async (tx, harvest) => {
      const parsed = onTagsField(validate(addSchema, input));
      if (!parsed.ok) return parsed;
      const v = parsed.value;
      const row = await tx
        .insertInto("contributions")
        .values({
          harvest_id: harvest.id,
          region_id: scope.regionId,
          text: v.text,
          kind: v.kind,
          sector: v.sector,
          origin: "manual",
          source_label: v.sourceLabel,
          tags: JSON.stringify(v.tags),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return ok(row);
    },
  );
}
