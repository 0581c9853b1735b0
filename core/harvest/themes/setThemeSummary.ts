import { z } from "zod";
import type { Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { optionalText } from "../../kernel/validate.ts";
import { harvestPolicy } from "../policy.ts";
import { editTheme } from "./editTheme.ts";
import { THEME_SUMMARY_MAX } from "./harvest.ts";

const summarySchema = z.object({ summary: optionalText(THEME_SUMMARY_MAX) });

/**
 * The theme's paragraph for the publication, written on the publication page; writing it curates
 * the theme, so proposing themes again keeps it.
 */
export async function setThemeSummary(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ themeId: string }>> {
  return editTheme(
    scope,
    harvestPolicy.setThemeSummary,
    harvestId,
    input,
    () => summarySchema,
    (v) => ({ summary: v.summary }),
  );
}
