import { z } from "zod";
import { inRegion } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { slugFrom } from "../kernel/slug.ts";
import { LIMITS, optionalText, text, validate } from "../kernel/validate.ts";
import { eventPolicy } from "./policy.ts";

export const seriesSchema = z.object({
  title: text(LIMITS.name),
  description: optionalText(10_000),
  registrationMode: z.enum(["series", "event"], { error: "validation.choice" }),
});

/** A series groups events; registration is for the whole series or per event. */
export async function createSeries(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ id: string; slug: string }>> {
  return inRegion(scope, eventPolicy.createSeries, async (tx) => {
    const parsed = validate(seriesSchema, input);
    if (!parsed.ok) return parsed;
    const base = slugFrom(parsed.value.title);
    for (let i = 1; i < 50; i++) {
      const slug = i === 1 ? base : `${base}-${i}`;
      // One statement per try: a slug another series holds is skipped by the unique index.
      const row = await tx
        .insertInto("event_series")
        .values({
          region_id: scope.regionId,
          slug,
          title: parsed.value.title,
          description: parsed.value.description,
          registration_mode: parsed.value.registrationMode,
        })
        .onConflict((oc) => oc.columns(["region_id", "slug"]).doNothing())
        .returning(["id", "slug"])
        .executeTakeFirst();
      if (row) return ok(row);
    }
    return fail("validation.failed", { title: { key: "events.slugTaken" } });
  });
}
