import { sql } from "kysely";
import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isPerspective } from "../kernel/sectors.ts";
import { validate } from "../kernel/validate.ts";
import { challengePolicy } from "./policy.ts";
import { holdParty, ratingSchema } from "./schema.ts";

/**
 * Records how urgent and important a party finds the challenge (1–5 each, with a short why):
 * an organisation (a person may rate for it), or a person on their own. A party rates once;
 * rating again replaces its rating. One upsert statement on the unique index, so two
 * coordinators entering the same party's rating at once leave one row.
 */
export async function rateChallenge(
  scope: RegionScope,
  challengeId: unknown,
  input: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: challengePolicy.rateChallenge, table: "challenges", id: challengeId },
    async (tx, challenge) => {
      const v = validate(ratingSchema, input);
      if (!v.ok) return v;
      const party = await holdParty(tx, scope.regionId, v.value);
      if (!party) return notFound();
      const { organisation, person } = party;
      // The sector is the organisation's (or the person's organisation's) at the time of rating.
      const sector =
        organisation?.sector ??
        (person?.organisation_id
          ? ((
              await tx
                .selectFrom("organisations")
                .select("sector")
                .where("id", "=", person.organisation_id)
                .executeTakeFirst()
            )?.sector ?? null)
          : null);
      const perspective = person?.perspectives.find(isPerspective) ?? null;
      const values = {
        challenge_id: challenge.id,
        organisation_id: organisation?.id ?? null,
        person_id: person?.id ?? null,
        sector,
        perspective,
        urgency: v.value.urgency,
        importance: v.value.importance,
        why: v.value.why,
        updated_at: new Date(),
      };
      const update = {
        person_id: values.person_id,
        sector,
        perspective,
        urgency: values.urgency,
        importance: values.importance,
        why: values.why,
        updated_at: values.updated_at,
      };
      await tx
        .insertInto("challenge_ratings")
        .values(values)
        .onConflict((oc) =>
          organisation
            ? oc
                .columns(["challenge_id", "organisation_id"])
                .where("organisation_id", "is not", null)
                .doUpdateSet(update)
            : oc
                .columns(["challenge_id", "person_id"])
                .where(sql<boolean>`organisation_id IS NULL`)
                .doUpdateSet(update),
        )
        .execute();
      return ok(null);
    },
  );
}
