import { withRow } from "../kernel/guard.ts";
import { fail, notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { answerTheme, lockThemeInRegion } from "../harvest/themes/actionSources.ts";
import { adoptHarvest } from "./adoptHarvest.ts";
import { actionPolicy } from "./policy.ts";

/**
 * The action answers this theme (and so every contribution in it); the theme is curated by it,
 * so proposing themes again keeps the theme and the link. The theme's harvest is locked first,
 * as every change to its themes does, and the action is changed in one statement after it.
 */
export async function linkTheme(
  scope: RegionScope,
  actionId: string,
  input: Record<string, unknown>,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: actionPolicy.linkTheme, table: "actions", id: actionId },
    async (tx, action) => {
      const theme = await lockThemeInRegion(tx, scope.regionId, input.themeId);
      if (!theme) return notFound();
      const adopted = await adoptHarvest(tx, action.id, theme.harvest_id);
      if (adopted === "gone") return notFound();
      if (adopted === "otherHarvest") return fail("actions.otherHarvest");
      await answerTheme(tx, action.id, theme);
      return ok(null);
    },
  );
}
