import { declaredTiesOfPeople, type DeclaredTieOfPerson } from "../network/moveTies.ts";
import {
  challengeTracesOf,
  type ChallengeRatingOfPerson,
  type ChallengeRoleOfPerson,
} from "../challenges/personTraces.ts";
import { coalitionTracesOf, type CoalitionOfPerson } from "../coalitions/parties.ts";
import { actionTracesOf, type ActionOfPerson } from "../actions/parties.ts";
import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { peoplePolicy } from "./policy.ts";

export interface PersonDataExport {
  exportedAt: string;
  region: { name: string };
  person: {
    id: string;
    name: string;
    email: string | null;
    perspectives: string[];
    expertise: string[];
    createdAt: string;
    updatedAt: string;
    erasedAt: string | null;
  };
  organisation: { name: string; sector: string; website: string } | null;
  challengeRatings: ChallengeRatingOfPerson[];
  challengeRoles: ChallengeRoleOfPerson[];
  /** Who they work with, as recorded in the region's network. */
  declaredTies: DeclaredTieOfPerson[];
  /** The coalitions they lead or are (or asked to be) a member of. */
  coalitions: CoalitionOfPerson[];
  /** The actions that name them as a partner. */
  actions: ActionOfPerson[];
}

/**
 * Everything the region keeps about one person, as plain data (the right of access and data
 * portability). Field names are in English and stable, so that the file can be read by software.
 */
export async function exportPerson(
  scope: RegionScope,
  id: unknown,
): Promise<Result<PersonDataExport>> {
  return withRow(
    scope,
    { role: peoplePolicy.exportPerson, table: "people", id },
    async (tx, person) => {
      const region = await tx
        .selectFrom("regions")
        .select("name")
        .where("id", "=", scope.regionId)
        .executeTakeFirstOrThrow();
      const organisation = person.organisation_id
        ? await tx
            .selectFrom("organisations")
            .select(["name", "sector", "website"])
            .where("region_id", "=", scope.regionId)
            .where("id", "=", person.organisation_id)
            .executeTakeFirst()
        : undefined;
      const traces = await challengeTracesOf(tx, [person.id]);
      return ok({
        exportedAt: new Date().toISOString(),
        region: { name: region.name },
        person: {
          id: person.id,
          name: person.name,
          email: person.email,
          perspectives: person.perspectives,
          expertise: person.expertise,
          createdAt: new Date(person.created_at).toISOString(),
          updatedAt: new Date(person.updated_at).toISOString(),
          erasedAt: person.erased_at ? new Date(person.erased_at).toISOString() : null,
        },
        organisation: organisation
          ? {
              name: organisation.name,
              sector: organisation.sector ?? "",
              website: organisation.website ?? "",
            }
          : null,
        challengeRatings: traces.ratings,
        challengeRoles: traces.roles,
        declaredTies: await declaredTiesOfPeople(tx, [person.id]),
        coalitions: await coalitionTracesOf(tx, [person.id]),
        actions: await actionTracesOf(tx, [person.id]),
      });
    },
  );
}
