import type { Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { changeContribution, editSchema, withContribution } from "./contributionSchema.ts";
import { harvestPolicy } from "./policy.ts";

/** Corrects a contribution's text, kind and sector. */
export async function updateContribution(
  scope: RegionScope,
  harvestId: string,
  id: string,
  input: unknown,
): Promise<Result<{ id: string }>> {
  return withContribution(
    scope,
    harvestPolicy.updateContribution,
    harvestId,
    id,
    async (tx, row) => {
      const parsed = validate(editSchema, input);
      if (!parsed.ok) return parsed;
      const { text, kind, sector } = parsed.value;
      return changeContribution(tx, row.id, { text, kind, sector });
    },
  );
}
