import { inRegion } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { peoplePolicy } from "./policy.ts";
import { validateOrganisation } from "./schema.ts";

/** Adds an organisation to the region. Names are unique per region, regardless of case. */
export async function createOrganisation(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ id: string }>> {
  return inRegion(scope, peoplePolicy.createOrganisation, async (tx) => {
    const parsed = validateOrganisation(input);
    if (!parsed.ok) return parsed;
    // One statement: the unique index decides whether the name is free.
    const row = await tx
      .insertInto("organisations")
      .values({ region_id: scope.regionId, ...parsed.value })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) return fail("validation.failed", { name: { key: "organisations.nameTaken" } });
    return ok({ id: row.id });
  });
}
