import { inRegion } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { scanPolicy } from "./policy.ts";
import { newScanSchema } from "./schema.ts";

/**
 * A new scan of the region, or of one of its challenges. It asks the shipped statements from the
 * start; the region adds its own on the scan's page and then opens the first round.
 */
export async function createScan(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ id: string }>> {
  return inRegion(scope, scanPolicy.createScan, async (tx) => {
    const v = validate(newScanSchema, input);
    if (!v.ok) return v;
    const { title, challengeId } = v.value;
    if (challengeId) {
      // Another region's challenge reads as one that does not exist. Held FOR SHARE until the
      // scan is in: a challenge deleted at that moment waits, or is gone and refused here,
      // instead of failing the insert on its foreign key.
      const challenge = await tx
        .selectFrom("challenges")
        .select("id")
        .where("id", "=", challengeId)
        .where("region_id", "=", scope.regionId)
        .forShare()
        .executeTakeFirst();
      if (!challenge)
        return fail("validation.failed", { challengeId: { key: "validation.choice" } });
    }
    const row = await tx
      .insertInto("scans")
      .values({
        region_id: scope.regionId,
        challenge_id: challengeId,
        title,
        created_by: scope.userId,
        updated_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return ok({ id: row.id });
  });
}
