import { sql } from "kysely";
import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { peoplePolicy } from "./policy.ts";
import { emailTaken, isUniqueViolation, validatePerson } from "./schema.ts";

/** Changes a person's data. Erased people stay erased: there is nothing left to edit. */
export async function updatePerson(
  scope: RegionScope,
  id: unknown,
  input: unknown,
): Promise<Result<{ id: string }>> {
  // Locked: an erasure or a merge of this person waits, so an edit cannot bring an erased name back.
  return withRow(
    scope,
    { role: peoplePolicy.updatePerson, table: "people", id, lock: true },
    async (tx, person) => {
      if (person.erased_at) return notFound();
      const parsed = await validatePerson(tx, scope.regionId, input);
      if (!parsed.ok) return parsed;
      const { name, email, organisationId, perspectives, expertise } = parsed.value;
      try {
        await tx
          .updateTable("people")
          .set({
            name,
            email,
            organisation_id: organisationId,
            perspectives,
            expertise,
            updated_at: sql`now()`,
          })
          .where("id", "=", person.id)
          .execute();
        return ok({ id: person.id });
      } catch (error) {
        if (isUniqueViolation(error, "people_region_email")) return emailTaken();
        throw error;
      }
    },
  );
}
