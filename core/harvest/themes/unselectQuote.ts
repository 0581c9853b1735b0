import { notFound, ok, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { harvestPolicy } from "../policy.ts";
import { curate } from "./curate.ts";
import { themesOf, withThemes } from "./harvest.ts";
import { quoteSchema } from "./selectQuote.ts";

/** Takes a contribution out of the theme's quotes; the theme was touched, so it is curated. */
export async function unselectQuote(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<null>> {
  return withThemes(scope, harvestPolicy.unselectQuote, harvestId, async (tx, harvest) => {
    const refs = quoteSchema.safeParse(input);
    if (!refs.success) return notFound();
    const { themeId, contributionId } = refs.data;
    if (!(await themesOf(tx, harvest.id, [themeId]))) return notFound();
    await tx
      .deleteFrom("harvest_quotes")
      .where("theme_id", "=", themeId)
      .where("contribution_id", "=", contributionId)
      .execute();
    await curate(tx, harvest.id, [themeId]);
    return ok(null);
  });
}
