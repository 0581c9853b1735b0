import { sql } from "kysely";
import { z } from "zod";
import { fail, notFound, ok, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { id } from "../../kernel/validate.ts";
import { harvestPolicy } from "../policy.ts";
import { curate } from "./curate.ts";
import { themesOf, withThemes } from "./harvest.ts";

export const MAX_QUOTES_PER_THEME = 12;

export const quoteSchema = z.object({ themeId: id(), contributionId: id() });

/**
 * Adds a contribution of the theme to its quotes, after the ones chosen before, and curates the
 * theme, so proposing again keeps the choice. Only a visible, unmerged contribution that belongs
 * to the theme can be quoted. The harvest's row lock keeps positions and the limit right.
 */
export async function selectQuote(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<null>> {
  return withThemes(scope, harvestPolicy.selectQuote, harvestId, async (tx, harvest) => {
    const refs = quoteSchema.safeParse(input);
    if (!refs.success) return notFound();
    const { themeId, contributionId } = refs.data;
    if (!(await themesOf(tx, harvest.id, [themeId]))) return notFound();
    const contribution = await tx
      .selectFrom("contributions")
      .select(["id"])
      .where("id", "=", contributionId)
      .where("region_id", "=", scope.regionId)
      .where("harvest_id", "=", harvest.id)
      .where("theme_id", "=", themeId)
      .where("hidden", "=", false)
      .where("merged_into_id", "is", null)
      .executeTakeFirst();
    if (!contribution) return notFound();
    const { n, top, already } = await tx
      .selectFrom("harvest_quotes")
      .select([
        sql<number>`count(*)::int`.as("n"),
        sql<number>`coalesce(max(position), -1)::int`.as("top"),
        sql<boolean>`bool_or(contribution_id = ${contribution.id})`.as("already"),
      ])
      .where("theme_id", "=", themeId)
      .executeTakeFirstOrThrow();
    if (!already) {
      if (n >= MAX_QUOTES_PER_THEME)
        return fail("publication.tooManyQuotes", undefined, { max: MAX_QUOTES_PER_THEME });
      await tx
        .insertInto("harvest_quotes")
        .values({ theme_id: themeId, contribution_id: contribution.id, position: top + 1 })
        .execute();
    }
    await curate(tx, harvest.id, [themeId]);
    return ok(null);
  });
}
