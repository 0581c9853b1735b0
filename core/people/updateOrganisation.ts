import { withRow } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { peoplePolicy } from "./policy.ts";
import { isUniqueViolation, validateOrganisation } from "./schema.ts";

/** Changes an organisation's name, sector or website. */
export async function updateOrganisation(
  scope: RegionScope,
  id: unknown,
  input: unknown,
): Promise<Result<{ id: string }>> {
  // No lock: the new values do not depend on the old ones.
  return withRow(
    scope,
    { role: peoplePolicy.updateOrganisation, table: "organisations", id },
    async (tx, organisation) => {
      const parsed = validateOrganisation(input);
      if (!parsed.ok) return parsed;
      try {
        await tx
          .updateTable("organisations")
          .set(parsed.value)
          .where("id", "=", organisation.id)
          .execute();
        return ok({ id: organisation.id });
      } catch (error) {
        // Another organisation may take the name between any check and this write: the index decides.
        if (isUniqueViolation(error, "organisations_region_name")) {
          return fail("validation.failed", { name: { key: "organisations.nameTaken" } });
        }
        throw error;
      }
    },
  );
}
