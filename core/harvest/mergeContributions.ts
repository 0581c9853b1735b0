import { sql } from "kysely";
import { z } from "zod";
import { withRow } from "../kernel/guard.ts";
import { fail, notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { harvestPolicy } from "./policy.ts";
import { HARVEST_LIMITS, tagsOf } from "./types.ts";

const mergeSchema = z.object({
  ids: z.array(z.string()).default([]),
  into: z.string().default(""),
});

const MAX_MERGED = 500;

/**
 * Merges several contributions that say the same into one (`into`): the others point at it and
 * count no more on their own, but keep their texts, so where the merged one came from stays
 * readable. Tags are combined. Contributions merged into one of the others move along to `into`.
 * The contributions are read FOR UPDATE, so the tags combined are the tags written.
 */
export async function mergeContributions(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ id: string; merged: number }>> {
  return withRow(
    scope,
    { role: harvestPolicy.mergeContributions, table: "harvests", id: harvestId },
    async (tx, harvest) => {
      const parsed = mergeSchema.safeParse(input);
      if (!parsed.success) return fail("harvest.mergeChoose");
      const into = parsed.data.into;
      const ids = [...new Set(parsed.data.ids.filter(isId))];
      if (!isId(into)) return fail("harvest.mergeChooseKeep");
      const others = ids.filter((id) => id !== into);
      if (others.length === 0) return fail("harvest.mergeChoose");
      if (others.length > MAX_MERGED)
        return fail("validation.tooMany", undefined, { max: MAX_MERGED });

      const rows = await tx
        .selectFrom("contributions")
        .select(["id", "tags", "merged_into_id"])
        .where("region_id", "=", scope.regionId)
        .where("harvest_id", "=", harvest.id)
        .where("id", "in", [into, ...others])
        .forUpdate()
        .execute();
      if (rows.length !== others.length + 1) return notFound();
      const keep = rows.find((r) => r.id === into)!;
      if (keep.merged_into_id !== null) return fail("harvest.mergeAlreadyMerged");

      const tags = [...tagsOf(keep.tags)];
      for (const r of rows) {
        for (const tag of tagsOf(r.tags)) {
          if (!tags.some((t) => t.toLocaleLowerCase("nl") === tag.toLocaleLowerCase("nl")))
            tags.push(tag);
        }
      }
      await tx
        .updateTable("contributions")
        .set({ merged_into_id: into, updated_at: sql`now()` })
        .where("region_id", "=", scope.regionId)
        .where("harvest_id", "=", harvest.id)
        .where((eb) => eb.or([eb("id", "in", others), eb("merged_into_id", "in", others)]))
        .execute();
      await tx
        .updateTable("contributions")
        .set({
          tags: JSON.stringify(tags.slice(0, HARVEST_LIMITS.tags)),
          updated_at: sql`now()`,
        })
        .where("id", "=", into)
        .execute();
      return ok({ id: into, merged: others.length });
    },
  );
}
