import { withRow } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { peoplePolicy } from "./policy.ts";

/**
 * Removes an organisation. Its people stay, without an organisation (the foreign key sets it to
 * null), because they are known to the region in their own right.
 */
export async function deleteOrganisation(
  scope: RegionScope,
  id: unknown,
  input: { confirmed: boolean },
): Promise<Result<{ name: string }>> {
  // No lock: deleting is one statement; a person added to it meanwhile holds it FOR SHARE first.
  return withRow(
    scope,
    { role: peoplePolicy.deleteOrganisation, table: "organisations", id },
    async (tx, organisation) => {
      if (!input.confirmed) {
        return fail("validation.failed", {
          confirm: { key: "organisations.confirmDeleteRequired" },
        });
      }
      await tx.deleteFrom("organisations").where("id", "=", organisation.id).execute();
      return ok({ name: organisation.name });
    },
  );
}
