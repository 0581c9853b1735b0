import { forbidden, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";

/**
 * Removes an organisation. Its people stay, without an organisation (the foreign key sets it to
 * null), because they are known to the region in their own right.
 */
export async function deleteOrganisation(
  scope: RegionScope,
  id: string,
  input: { confirmed: boolean },
): Promise<Result<{ name: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!isId(id)) return notFound();
  if (!input.confirmed) {
    return fail("validation.failed", { confirm: { key: "organisations.confirmDeleteRequired" } });
  }
  const row = await scope.db
    .deleteFrom("organisations")
    .where("region_id", "=", scope.regionId)
    .where("id", "=", id)
    .returning("name")
    .executeTakeFirst();
  return row ? ok({ name: row.name }) : notFound();
}
