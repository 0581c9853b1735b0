import { inRegion } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { eventColumns, insertEvent, seriesInRegion } from "./eventFields.ts";
import { eventPolicy } from "./policy.ts";
import { eventSchema } from "./schema.ts";

/** A new event, as a draft: nobody sees it until it is published. */
export async function createEvent(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ id: string; slug: string }>> {
  return inRegion(scope, eventPolicy.createEvent, async (tx) => {
    const parsed = validate(eventSchema, input);
    if (!parsed.ok) return parsed;
    const series = await seriesInRegion(tx, scope.regionId, parsed.value.seriesId);
    if (series === false)
      return fail("validation.failed", { seriesId: { key: "validation.choice" } });
    const row = await insertEvent(tx, {
      ...eventColumns(parsed.value),
      region_id: scope.regionId,
      series_id: series,
      created_by: scope.userId,
    });
    return ok(row);
  });
}
