import { z } from "zod";
import { inRegion } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { scanPolicy } from "./policy.ts";

const schema = z.object({
  // A checkbox: "on" when ticked, absent otherwise.
  optIn: z
    .literal("on")
    .optional()
    .transform((v) => v === "on"),
});

/**
 * Whether the region's scan figures count in the benchmark across regions, and so whether it
 * sees the others'. One upsert statement.
 */
export async function setBenchmark(scope: RegionScope, input: unknown): Promise<Result<null>> {
  return inRegion(scope, scanPolicy.setBenchmark, async (tx) => {
    const v = validate(schema, input);
    if (!v.ok) return v;
    await tx
      .insertInto("scan_settings")
      .values({
        region_id: scope.regionId,
        benchmark_opt_in: v.value.optIn,
        updated_at: new Date(),
      })
      .onConflict((oc) =>
        oc
          .column("region_id")
          .doUpdateSet({ benchmark_opt_in: v.value.optIn, updated_at: new Date() }),
      )
      .execute();
    return ok(null);
  });
}
