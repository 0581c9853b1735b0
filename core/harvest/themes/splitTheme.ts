import { z } from "zod";
import { fail, notFound, ok, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { id, text, validate } from "../../kernel/validate.ts";
import { harvestPolicy } from "../policy.ts";
import { curate, touched } from "./curate.ts";
import { idList, THEME_LABEL_MAX, themesOf, withThemes } from "./harvest.ts";

const splitRefs = z.object({ themeId: id(), contributionIds: z.unknown().optional() });
const splitLabel = z.object({ label: text(THEME_LABEL_MAX) });
const boxesSchema = z.preprocess((x) => (x === undefined || x === "" ? [] : x), idList);

/**
 * Takes the chosen contributions out of a theme into a new theme with its own name, right after
 * it. Both themes are curated; the contributions moved are placed. Reads then writes under the
 * harvest's row lock.
 */
export async function splitTheme(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ themeId: string; moved: number }>> {
  return withThemes(scope, harvestPolicy.splitTheme, harvestId, async (tx, harvest) => {
    const refs = splitRefs.safeParse(input);
    if (!refs.success) return notFound();
    const found = await themesOf(tx, harvest.id, [refs.data.themeId]);
    if (!found) return notFound();
    const theme = found[0]!;
    const v = validate(splitLabel, input);
    const boxes = boxesSchema.safeParse(refs.data.contributionIds);
    // A tampered id among the boxes is not the organiser's mistake to fix.
    if (!boxes.success) return notFound();
    const fieldErrors = {
      ...(v.ok ? {} : v.fieldErrors),
      ...(boxes.data.length === 0
        ? { contributionIds: { key: "harvestThemes.chooseContributions" as const } }
        : {}),
    };
    if (!v.ok || boxes.data.length === 0) return fail("validation.failed", fieldErrors);
    const chosen = [...new Set(boxes.data)];
    const members = await tx
      .selectFrom("contributions")
      .select("id")
      .where("harvest_id", "=", harvest.id)
      .where("theme_id", "=", theme.id)
      .where("id", "in", chosen)
      .execute();
    if (members.length !== chosen.length) return notFound();

    await tx
      .updateTable("harvest_themes")
      .set((eb) => ({ position: eb("position", "+", 1) }))
      .where("harvest_id", "=", harvest.id)
      .where("position", ">", theme.position)
      .execute();
    const created = await tx
      .insertInto("harvest_themes")
      .values(
        touched({
          harvest_id: harvest.id,
          label: v.value.label,
          strategic_theme: theme.strategic_theme,
          position: theme.position + 1,
        }),
      )
      .returning("id")
      .executeTakeFirstOrThrow();
    await tx
      .updateTable("contributions")
      .set({ theme_id: created.id, theme_locked: true })
      .where("harvest_id", "=", harvest.id)
      .where("id", "in", chosen)
      .execute();
    await tx
      .updateTable("harvest_quotes")
      .set({ theme_id: created.id })
      .where("theme_id", "=", theme.id)
      .where("contribution_id", "in", chosen)
      .execute();
    await curate(tx, harvest.id, [theme.id]);
    return ok({ themeId: created.id, moved: chosen.length });
  });
}
