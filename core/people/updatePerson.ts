import { sql } from "kysely";
import { forbidden, notFound, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { emailTaken, validatePerson } from "./addPerson.ts";
import { isId } from "../kernel/validate.ts";
import { isUniqueViolation } from "./schema.ts";

/** Changes a person's data. Erased people stay erased: there is nothing left to edit. */
export async function updatePerson(
  scope: RegionScope,
  id: string,
  input: unknown,
): Promise<Result<{ id: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!isId(id)) return notFound();
  const parsed = await validatePerson(scope, input);
  if (!parsed.ok) return parsed;
  const { name, email, organisationId, perspectives, expertise } = parsed.value;
  try {
    const row = await scope.db
      .updateTable("people")
      .set({
        name,
        email,
        organisation_id: organisationId,
        perspectives,
        expertise,
        updated_at: sql`now()`,
      })
      .where("region_id", "=", scope.regionId)
      .where("id", "=", id)
      .where("erased_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    return row ? ok({ id: row.id }) : notFound();
  } catch (error) {
    if (isUniqueViolation(error, "people_region_email")) return emailTaken();
    throw error;
  }
}
