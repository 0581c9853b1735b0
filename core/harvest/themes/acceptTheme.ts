import { notFound, ok, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { harvestPolicy } from "../policy.ts";
import { curate } from "./curate.ts";
import { themeRef, themesOf, withThemes } from "./harvest.ts";

/** Accepts a proposed theme as it is: curated, and its contributions placed. */
export async function acceptTheme(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ themeId: string }>> {
  return withThemes(scope, harvestPolicy.acceptTheme, harvestId, async (tx, harvest) => {
    const ref = themeRef.safeParse(input);
    if (!ref.success) return notFound();
    if (!(await themesOf(tx, harvest.id, [ref.data.themeId]))) return notFound();
    await curate(tx, harvest.id, [ref.data.themeId]);
    await tx
      .updateTable("contributions")
      .set({ theme_locked: true })
      .where("theme_id", "=", ref.data.themeId)
      .where("harvest_id", "=", harvest.id)
      .execute();
    return ok({ themeId: ref.data.themeId });
  });
}
