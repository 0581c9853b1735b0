import { z } from "zod";
import { notFound, ok, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { id } from "../../kernel/validate.ts";
import { harvestPolicy } from "../policy.ts";
import { curate } from "./curate.ts";
import { themesOf, withThemes } from "./harvest.ts";

const moveRefs = z.object({
  contributionId: id(),
  themeId: z.preprocess((x) => (x === "" || x === undefined ? null : x), id().nullable()),
});

/**
 * Places one contribution in a theme, or in none with an empty `themeId`; regrouping never moves
 * it again. The theme it goes to is curated, so that it keeps what it holds. A quote of it in its
 * old theme goes. Under the harvest's row lock.
 */
export async function moveContribution(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ themeId: string | null }>> {
  return withThemes(scope, harvestPolicy.moveContribution, harvestId, async (tx, harvest) => {
    const refs = moveRefs.safeParse(input);
    if (!refs.success) return notFound();
    const { contributionId, themeId } = refs.data;
    if (themeId && !(await themesOf(tx, harvest.id, [themeId]))) return notFound();
    const { numUpdatedRows } = await tx
      .updateTable("contributions")
      .set({ theme_id: themeId, theme_locked: true })
      .where("id", "=", contributionId)
      .where("harvest_id", "=", harvest.id)
      .where("region_id", "=", scope.regionId)
      .executeTakeFirst();
    if (numUpdatedRows === 0n) return notFound();
    let quotes = tx.deleteFrom("harvest_quotes").where("contribution_id", "=", contributionId);
    if (themeId) quotes = quotes.where("theme_id", "<>", themeId);
    await quotes.execute();
    if (themeId) await curate(tx, harvest.id, [themeId]);
    return ok({ themeId });
  });
}
