import type { Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { changeContribution, withContribution } from "./contributionSchema.ts";
import { harvestPolicy } from "./policy.ts";

/** Hides a contribution from every figure, list and publication, or shows it again. */
export async function setHidden(
  scope: RegionScope,
  harvestId: string,
  id: string,
  hidden: boolean,
): Promise<Result<{ id: string }>> {
  return withContribution(scope, harvestPolicy.setHidden, harvestId, id, (tx, row) =>
    changeContribution(tx, row.id, { hidden }),
  );
}
