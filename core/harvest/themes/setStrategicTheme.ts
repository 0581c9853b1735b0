import { z } from "zod";
import type { Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { harvestPolicy } from "../policy.ts";
import { editTheme } from "./editTheme.ts";

/** Files a theme under one of the harvest's strategic themes, or under none with "". */
export async function setStrategicTheme(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ themeId: string }>> {
  return editTheme(
    scope,
    harvestPolicy.setStrategicTheme,
    harvestId,
    input,
    (harvest) =>
      z.object({
        strategicTheme: z
          .string()
          .default("")
          .refine((s) => s === "" || harvest.strategicThemes.includes(s), {
            error: "validation.choice",
          }),
      }),
    (v) => ({ strategic_theme: v.strategicTheme }),
  );
}
