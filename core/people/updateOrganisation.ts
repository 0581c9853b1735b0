import { forbidden, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { isUniqueViolation, validateOrganisation } from "./schema.ts";

/** Changes an organisation's name, sector or website. */
export async function updateOrganisation(
  scope: RegionScope,
  id: string,
  input: unknown,
): Promise<Result<{ id: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!isId(id)) return notFound();
  const parsed = validateOrganisation(input);
  if (!parsed.ok) return parsed;
  try {
    const row = await scope.db
      .updateTable("organisations")
      .set(parsed.value)
      .where("region_id", "=", scope.regionId)
      .where("id", "=", id)
      .returning("id")
      .executeTakeFirst();
    return row ? ok({ id: row.id }) : notFound();
  } catch (error) {
    // Another organisation may take the name between any check and this write: the index decides.
    if (isUniqueViolation(error, "organisations_region_name")) {
      return fail("validation.failed", { name: { key: "organisations.nameTaken" } });
    }
    throw error;
  }
}
