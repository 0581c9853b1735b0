import type { Db } from "../../db/client.ts";
import { forbidden, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { byField, isUniqueViolation, personSchema, type PersonInput } from "./schema.ts";

export const emailTaken = () => fail("validation.failed", { email: { key: "people.emailTaken" } });

/**
 * An organisation chosen in a form must belong to the scope's region: the foreign key alone
 * would accept another region's organisation.
 */
export async function organisationInRegion(
  db: Db,
  regionId: string,
  organisationId: string | null,
): Promise<boolean> {
  if (organisationId === null) return true;
  const row = await db
    .selectFrom("organisations")
    .select("id")
    .where("region_id", "=", regionId)
    .where("id", "=", organisationId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Validates a person as typed into the form, including that the organisation is the region's. */
export async function validatePerson(
  scope: RegionScope,
  input: unknown,
): Promise<Result<PersonInput>> {
  const parsed = byField(validate(personSchema, input));
  if (!parsed.ok) return parsed;
  if (!(await organisationInRegion(scope.db, scope.regionId, parsed.value.organisationId))) {
    return fail("validation.failed", { organisationId: { key: "validation.choice" } });
  }
  return parsed;
}

/** Adds a person to the region. An e-mail address belongs to at most one person per region. */
export async function addPerson(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ id: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  const parsed = await validatePerson(scope, input);
  if (!parsed.ok) return parsed;
  const { name, email, organisationId, perspectives, expertise } = parsed.value;
  try {
    const row = await scope.db
      .insertInto("people")
      .values({
        region_id: scope.regionId,
        organisation_id: organisationId,
        name,
        email,
        perspectives,
        expertise,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return ok({ id: row.id });
  } catch (error) {
    if (isUniqueViolation(error, "people_region_email")) return emailTaken();
    throw error;
  }
}
