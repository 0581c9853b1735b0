import { forbidden, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { validateOrganisation } from "./schema.ts";

/** Adds an organisation to the region. Names are unique per region, regardless of case. */
export async function createOrganisation(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ id: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  const parsed = validateOrganisation(input);
  if (!parsed.ok) return parsed;
  const row = await scope.db
    .insertInto("organisations")
    .values({ region_id: scope.regionId, ...parsed.value })
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!row) return fail("validation.failed", { name: { key: "organisations.nameTaken" } });
  return ok({ id: row.id });
}
