import { sql } from "kysely";
import type { Tx } from "../kernel/tx.ts";

/**
 * When two records of one person are merged (core/people/mergePeople.ts), the duplicate's
 * ratings and roles move to the kept record instead of going with the deleted row. Where the
 * kept record already rated the same challenge on its own, or already plays the same role,
 * the kept one's stays. The caller holds both people rows locked, so these four statements see
 * no rating or role of either appear in between.
 */
export async function moveChallengeParty(tx: Tx, fromPersonId: string, toPersonId: string) {
  await sql`DELETE FROM challenge_ratings r
    WHERE r.person_id = ${fromPersonId} AND r.organisation_id IS NULL AND EXISTS (
      SELECT 1 FROM challenge_ratings k WHERE k.challenge_id = r.challenge_id
        AND k.person_id = ${toPersonId} AND k.organisation_id IS NULL)`.execute(tx);
  await tx
    .updateTable("challenge_ratings")
    .set({ person_id: toPersonId })
    .where("person_id", "=", fromPersonId)
    .execute();
  await sql`DELETE FROM challenge_roles r
    WHERE r.person_id = ${fromPersonId} AND EXISTS (
      SELECT 1 FROM challenge_roles k WHERE k.challenge_id = r.challenge_id AND k.role = r.role
        AND k.person_id = ${toPersonId}
        AND k.organisation_id IS NOT DISTINCT FROM r.organisation_id)`.execute(tx);
  await tx
    .updateTable("challenge_roles")
    .set({ person_id: toPersonId })
    .where("person_id", "=", fromPersonId)
    .execute();
}
