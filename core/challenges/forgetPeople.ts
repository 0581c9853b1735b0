import { sql } from "kysely";
import type { Tx } from "../kernel/tx.ts";

/**
 * What erasing people (an organiser erasing a person, or a person erasing their account) does to
 * their traces in challenges, in the eraser's transaction:
 * - a rating or role the person gave or played for an organisation stays, since it is the
 *   organisation's; only the person is taken off it (and a rating's perspective, which was the
 *   person's own);
 * - a rating or role of the person alone is removed. Kept under the erased placeholder, a rating's
 *   "why" would still be their words and a role would still say that this one resident or expert
 *   took part, which in a small region identifies them; and a role nobody plays is better shown
 *   as missing than as filled by nobody.
 */
export async function forgetPeopleInChallenges(tx: Tx, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  await tx
    .deleteFrom("challenge_ratings")
    .where("person_id", "in", personIds)
    .where("organisation_id", "is", null)
    .execute();
  await tx
    .updateTable("challenge_ratings")
    .set({ person_id: null, perspective: null })
    .where("person_id", "in", personIds)
    .execute();
  // The organisation may already play the same role without a person: the row would then be
  // a duplicate of it (the unique constraint), so it goes.
  await tx
    .deleteFrom("challenge_roles as ro")
    .where("ro.person_id", "in", personIds)
    .where((eb) =>
      eb.or([
        eb("ro.organisation_id", "is", null),
        sql<boolean>`EXISTS (SELECT 1 FROM challenge_roles o WHERE o.challenge_id = ro.challenge_id
          AND o.role = ro.role AND o.organisation_id = ro.organisation_id AND o.person_id IS NULL)`,
      ]),
    )
    .execute();
  await tx
    .updateTable("challenge_roles")
    .set({ person_id: null })
    .where("person_id", "in", personIds)
    .execute();
}
