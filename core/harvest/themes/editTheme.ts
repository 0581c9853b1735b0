import type { z } from "zod";
import type { Role } from "../../../db/schema.ts";
import { notFound, ok, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { validate } from "../../kernel/validate.ts";
import { touched } from "./curate.ts";
import { themeRef, themesOf, withThemes, type ThemeHarvest } from "./harvest.ts";

/**
 * Sets fields of one theme of the harvest from the organiser's input, and so curates it: the theme
 * must be the harvest's ("not found" otherwise), the input must pass `schema`.
 */
export async function editTheme<S extends z.ZodType>(
  scope: RegionScope,
  role: Role,
  harvestId: string,
  input: unknown,
  schema: (harvest: ThemeHarvest) => S,
  fields: (value: z.output<S>) => { label?: string; summary?: string; strategic_theme?: string },
): Promise<Result<{ themeId: string }>> {
  return withThemes(scope, role, harvestId, async (tx, harvest) => {
    const ref = themeRef.safeParse(input);
    if (!ref.success) return notFound();
    if (!(await themesOf(tx, harvest.id, [ref.data.themeId]))) return notFound();
    const v = validate(schema(harvest), input);
    if (!v.ok) return v;
    await tx
      .updateTable("harvest_themes")
      .set(touched(fields(v.value)))
      .where("id", "=", ref.data.themeId)
      .where("harvest_id", "=", harvest.id)
      .execute();
    return ok({ themeId: ref.data.themeId });
  });
}
