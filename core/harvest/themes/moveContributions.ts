import { sql } from "kysely";
import { z } from "zod";
import { fail, notFound, ok, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { isId } from "../../kernel/validate.ts";
import { harvestPolicy } from "../policy.ts";
import { curate, touched } from "./curate.ts";
import { idList, themesOf, withThemes } from "./harvest.ts";

/** A target that is one of the harvest's strategic themes, by name, rather than a theme's id. */
export const STRATEGIC_TARGET = "strategic:";

const refs = z.object({
  contributionIds: z.preprocess((x) => (x === undefined || x === "" ? [] : x), idList),
  target: z.string().max(300).default(""),
});

/**
 * Places many contributions at once (issue 15, point 17): in a theme, in none (an empty target),
 * or under one of the strategic themes entered when the harvest was made. A strategic theme that
 * no theme of the harvest carries yet becomes one, named after it and filed under it, at the end;
 * one that a theme already carries by that name is that theme. Like moving one: the contributions
 * are placed (regrouping leaves them), the theme they go to is curated, their quotes in other
 * themes go. One post, one transaction under the harvest's row lock.
 */
export async function moveContributions(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ themeId: string | null; moved: number }>> {
  return withThemes(scope, harvestPolicy.moveContribution, harvestId, async (tx, harvest) => {
    const parsed = refs.safeParse(input);
    // A tampered id or target is not the organiser's mistake to fix.
    if (!parsed.success) return notFound();
    const chosen = [...new Set(parsed.data.contributionIds)];
    const { target } = parsed.data;
    if (chosen.length === 0)
      return fail("validation.failed", {
        contributionIds: { key: "harvestThemes.chooseContributions" },
      });

    let themeId: string | null = null;
    if (target.startsWith(STRATEGIC_TARGET)) {
      const name = target.slice(STRATEGIC_TARGET.length);
      if (!harvest.strategicThemes.includes(name)) return notFound();
      const existing = await tx
        .selectFrom("harvest_themes")
        .select("id")
        .where("harvest_id", "=", harvest.id)
        .where((eb) => eb(eb.fn("lower", ["label"]), "=", name.toLowerCase()))
        .orderBy("position")
        .executeTakeFirst();
      themeId =
        existing?.id ??
        (
          await tx
            .insertInto("harvest_themes")
            .values(
              touched({
                harvest_id: harvest.id,
                label: name,
                strategic_theme: name,
                position: sql<number>`(SELECT coalesce(max(position), -1) + 1 FROM harvest_themes WHERE harvest_id = ${harvest.id})`,
              }),
            )
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
    } else if (target !== "") {
      if (!isId(target) || !(await themesOf(tx, harvest.id, [target]))) return notFound();
      themeId = target;
    }

    const { numUpdatedRows } = await tx
      .updateTable("contributions")
      .set({ theme_id: themeId, theme_locked: true })
      .where("id", "in", chosen)
      .where("harvest_id", "=", harvest.id)
      .where("region_id", "=", scope.regionId)
      .executeTakeFirst();
    if (Number(numUpdatedRows) !== chosen.length) return notFound();
    let quotes = tx.deleteFrom("harvest_quotes").where("contribution_id", "in", chosen);
    if (themeId) quotes = quotes.where("theme_id", "<>", themeId);
    await quotes.execute();
    if (themeId) await curate(tx, harvest.id, [themeId]);
    return ok({ themeId, moved: chosen.length });
  });
}
