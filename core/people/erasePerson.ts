import { forgetPeopleInChallenges } from "../challenges/forgetPeople.ts";
import { forgetDeclaredTies } from "../network/moveTies.ts";
import { forgetPeopleInCoalitions, holdCoalitionsNaming } from "../coalitions/parties.ts";
import { forgetPeopleInActions, holdActionsNaming } from "../actions/parties.ts";
import { withRow } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { anonymisedPerson } from "./anonymise.ts";
import { peoplePolicy } from "./policy.ts";

/**
 * Erases a person's personal data (the right to erasure), by the rule in anonymise.ts.
 */
export async function erasePerson(
  scope: RegionScope,
  id: unknown,
  input: { confirmed: boolean },
): Promise<Result<{ id: string }>> {
  // The writes need nothing read before them; the actions and coalitions that name the person
  // are locked first, in the order saving one of them takes its locks (see holdActionsNaming).
  return withRow(
    scope,
    { role: peoplePolicy.erasePerson, table: "people", id },
    async (tx, person) => {
      if (!input.confirmed) {
        return fail("validation.failed", { confirm: { key: "people.confirmEraseRequired" } });
      }
      await holdActionsNaming(tx, [person.id]);
      await holdCoalitionsNaming(tx, [person.id]);
      await tx.updateTable("people").set(anonymisedPerson()).where("id", "=", person.id).execute();
      await forgetPeopleInChallenges(tx, [person.id]);
      await forgetDeclaredTies(tx, [person.id]);
      await forgetPeopleInCoalitions(tx, [person.id]);
      await forgetPeopleInActions(tx, [person.id]);
      return ok({ id: person.id });
    },
  );
}
