import { z } from "zod";
import { slugFrom } from "../kernel/slug.ts";
import { inRegion } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { optionalText, text, validate } from "../kernel/validate.ts";
import { harvestPolicy } from "./policy.ts";
import { HARVEST_LIMITS, noNul } from "./types.ts";

/** A checkbox as a form sends it: "on" when ticked, absent otherwise. */
const checkbox = () =>
  z
    .union([z.string(), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true" || v === "1");

/** The strategic themes, one per line as the organiser types them; empty lines are dropped. */
const strategicThemes = () =>
  z
    .union([z.string(), z.array(z.string())])
    .default("")
    .transform((v) =>
      (Array.isArray(v) ? v : v.split(/\r?\n/))
        .map((s) => s.trim().replace(/\s+/g, " "))
        .filter((s) => s.length > 0),
    )
    .pipe(
      z
        .array(
          z
            .string()
            .max(HARVEST_LIMITS.strategicTheme, {
              error: () => `validation.tooLong|${HARVEST_LIMITS.strategicTheme}`,
            })
            .refine(noNul, { error: "validation.invalid" }),
        )
        .max(HARVEST_LIMITS.strategicThemes, {
          error: () => `validation.tooMany|${HARVEST_LIMITS.strategicThemes}`,
        })
        .transform((a) => [...new Set(a)]),
    );

export const harvestSchema = z.object({
  title: text(HARVEST_LIMITS.title),
  description: optionalText(HARVEST_LIMITS.description),
  language: z.enum(["nl", "en"], { error: "validation.choice" }).default("nl"),
  strategicThemes: strategicThemes(),
  formOpen: checkbox(),
});
export type HarvestInput = z.output<typeof harvestSchema>;

/**
 * Starts a harvest: the place where contributions from several sessions and events come
 * together. Organisers and up. Its address (slug) comes from the title and stays, because the
 * public contribution form is reached through it.
 */
export async function createHarvest(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ id: string; slug: string }>> {
  return inRegion(scope, harvestPolicy.createHarvest, async (tx) => {
    const parsed = validate(harvestSchema, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    const base = slugFrom(v.title, "oogst");
    // The unique index decides whether a slug is free, so two harvests of one title at once
    // both find one: no slug is read first.
    for (let i = 1; i <= 50; i++) {
      const slug = i === 1 ? base : `${base}-${i}`;
      const row = await tx
        .insertInto("harvests")
        .values({
          region_id: scope.regionId,
          slug,
          title: v.title,
          description: v.description,
          language: v.language,
          strategic_themes: JSON.stringify(v.strategicThemes),
          form_open: v.formOpen,
          created_by: scope.userId,
        })
        .onConflict((oc) => oc.columns(["region_id", "slug"]).doNothing())
        .returning(["id", "slug"])
        .executeTakeFirst();
      if (row) return ok(row);
    }
    return fail("validation.failed", { title: { key: "harvest.slugTaken" } });
  });
}
