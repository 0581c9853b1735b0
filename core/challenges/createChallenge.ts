import { slugFrom } from "../kernel/slug.ts";
import { inRegion } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { challengePolicy } from "./policy.ts";
import { challengeColumns, challengeSchema } from "./schema.ts";

/**
 * A new challenge, in phase 1 (urgent challenge). Its first phase-history row is written with it,
 * so the history always ends in the current phase. The address (slug) comes from the title and
 * stays, because the public page is reached through it.
 */
export async function createChallenge(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ id: string; slug: string }>> {
  return inRegion(scope, challengePolicy.createChallenge, async (tx) => {
    const v = validate(challengeSchema, input);
    if (!v.ok) return v;
    const base = slugFrom(v.value.title, "opgave");
    // The unique index decides whether a slug is free: no slug is read first, so two challenges
    // of one title at once each get their own.
    for (let i = 1; i <= 50; i++) {
      const slug = i === 1 ? base : `${base}-${i}`;
      const row = await tx
        .insertInto("challenges")
        .values({
          ...challengeColumns(v.value),
          region_id: scope.regionId,
          slug,
          created_by: scope.userId,
        })
        .onConflict((oc) => oc.columns(["region_id", "slug"]).doNothing())
        .returning(["id", "slug", "phase"])
        .executeTakeFirst();
      if (row) {
        await tx
          .insertInto("challenge_phase_changes")
          .values({
            challenge_id: row.id,
            from_phase: null,
            to_phase: row.phase,
            changed_by: scope.userId,
          })
          .execute();
        return ok({ id: row.id, slug: row.slug });
      }
    }
    return fail("validation.failed", { title: { key: "challenges.slugTaken" } });
  });
}
