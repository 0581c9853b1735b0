import { z } from "zod";
import type { Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { changeContribution, onTagsField, withContribution } from "./contributionSchema.ts";
import { harvestPolicy } from "./policy.ts";
import { tagList } from "./types.ts";

const tagsSchema = z.object({ tags: tagList() });

/** Replaces a contribution's tags: at most 20, each at most 60 characters. */
export async function setTags(
  scope: RegionScope,
  harvestId: string,
  id: string,
  input: unknown,
): Promise<Result<{ id: string }>> {
  return withContribution(scope, harvestPolicy.setTags, harvestId, id, async (tx, row) => {
    const parsed = onTagsField(validate(tagsSchema, input));
    if (!parsed.ok) return parsed;
    return changeContribution(tx, row.id, { tags: JSON.stringify(parsed.value.tags) });
  });
}
