import { z } from "zod";
import type { Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { text } from "../../kernel/validate.ts";
import { harvestPolicy } from "../policy.ts";
import { editTheme } from "./editTheme.ts";
import { THEME_LABEL_MAX } from "./harvest.ts";

const labelSchema = z.object({ label: text(THEME_LABEL_MAX) });

/** Gives a theme the organiser's name; the theme is curated from then on. */
export async function renameTheme(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ themeId: string }>> {
  return editTheme(
    scope,
    harvestPolicy.renameTheme,
    harvestId,
    input,
    () => labelSchema,
    (v) => ({ label: v.label }),
  );
}
