import { inRegion } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { peoplePolicy } from "./policy.ts";
import { emailTaken, isUniqueViolation, validatePerson } from "./schema.ts";

/** Adds a person to the region. An e-mail address belongs to at most one person per region. */
export async function addPerson(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ id: string }>> {
  return inRegion(scope, peoplePolicy.addPerson, async (tx) => {
    const parsed = await validatePerson(tx, scope.regionId, input);
    if (!parsed.ok) return parsed;
    const { name, email, organisationId, perspectives, expertise } = parsed.value;
    try {
      // One statement: the unique index, not a lookup before it, decides whether the address is free.
      const row = await tx
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
  });
}
