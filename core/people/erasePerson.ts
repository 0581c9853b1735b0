import { forbidden, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { anonymisedPerson } from "./anonymise.ts";

/**
 * Erases a person's personal data (the right to erasure), by the rule in anonymise.ts.
 */
export async function erasePerson(
  scope: RegionScope,
  id: string,
  input: { confirmed: boolean },
): Promise<Result<{ id: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!isId(id)) return notFound();
  if (!input.confirmed) {
    return fail("validation.failed", { confirm: { key: "people.confirmEraseRequired" } });
  }
  const row = await scope.db
    .updateTable("people")
    .set(anonymisedPerson())
    .where("region_id", "=", scope.regionId)
    .where("id", "=", id)
    .returning("id")
    .executeTakeFirst();
  return row ? ok({ id: row.id }) : notFound();
}
