import type { Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { changeContribution, withContribution } from "./contributionSchema.ts";
import { harvestPolicy } from "./policy.ts";

/** Takes a merged contribution out again: it counts on its own once more. */
export async function unmergeContribution(
  scope: RegionScope,
  harvestId: string,
  id: string,
): Promise<Result<{ id: string }>> {
  return withContribution(scope, harvestPolicy.unmergeContribution, harvestId, id, (tx, row) =>
    changeContribution(tx, row.id, { merged_into_id: null }),
  );
}
