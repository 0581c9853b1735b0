import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { addMembers } from "../accounts/addMembers.ts";
import { forbidden, fail, ok, type Result } from "../kernel/result.ts";
import { LIMITS, optionalText, text, validate } from "../kernel/validate.ts";

export const slug = () =>
  z
    .string({ error: "validation.required" })
    .trim()
    .toLowerCase()
    .min(1, { error: "validation.required" })
    .max(60, { error: () => "validation.tooLong|60" })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "validation.slug" });

export const createRegionSchema = z.object({
  name: text(LIMITS.name),
  slug: slug(),
  description: optionalText(),
});

/**
 * Creates a region. Only a platform administrator may; they become the region's first admin so
 * that somebody can invite the rest.
 */
export async function createRegion(
  db: Db,
  actor: { userId: string; isPlatformAdmin: boolean },
  input: unknown,
): Promise<Result<{ id: string; slug: string }>> {
  if (!actor.isPlatformAdmin) return forbidden();
  const parsed = validate(createRegionSchema, input);
  if (!parsed.ok) return parsed;
  const { name, slug: regionSlug, description } = parsed.value;
  return db.transaction().execute(async (trx) => {
    const region = await trx
      .insertInto("regions")
      .values({ name, slug: regionSlug, description })
      .onConflict((oc) => oc.column("slug").doNothing())
      .returning(["id", "slug"])
      .executeTakeFirst();
    if (!region) return fail("validation.failed", { slug: { key: "regions.slugTaken" } });
    await addMembers(trx, [{ userId: actor.userId, regionId: region.id, role: "admin" }]);
    return ok(region);
  });
}
