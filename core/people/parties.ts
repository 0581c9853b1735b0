import { may, type RegionScope } from "../kernel/scope.ts";
import { labelled, peopleQuery } from "../kernel/register.ts";
import { peoplePolicy } from "./policy.ts";

/**
 * Picking a person or organisation of the region's register where a form used to take only a
 * name (a coalition's lead and members, an action's lead and partners). The form offers the
 * register as suggestions (a datalist: plain text without JavaScript, so an outsider is typed as
 * before) and the intent links what it recognises. A person is recognised by the label the form
 * offers: their name, or, when several people of the region share it, the name with their
 * organisation or address, so that the choice is never a guess.
 */

export interface PartyChoices {
  people: { id: string; label: string }[];
  organisations: { id: string; name: string }[];
}

/** The register as a form offers it; people only to those who may see people. */
export async function partyChoices(scope: RegionScope): Promise<PartyChoices> {
  const [people, organisations] = await Promise.all([
    may(scope, peoplePolicy.viewPeople)
      ? peopleQuery(scope.db, scope.regionId).orderBy("p.name").orderBy("p.id").execute()
      : [],
    may(scope, peoplePolicy.viewOrganisations)
      ? scope.db
          .selectFrom("organisations")
          .select(["id", "name"])
          .where("region_id", "=", scope.regionId)
          .orderBy("name")
          .execute()
      : [],
  ]);
  return {
    people: labelled(people).map(({ id, label }) => ({ id, label })),
    organisations,
  };
}
