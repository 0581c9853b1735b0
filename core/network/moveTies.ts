import { sql } from "kysely";
import type { Tx } from "../kernel/tx.ts";

/**
 * When two records of one person are merged (core/people/mergePeople.ts), the duplicate's
 * declared ties move to the kept record instead of going with the deleted row. A tie between
 * the two records themselves disappears (nobody works with themselves); one the kept record
 * already has with the same person and kind stays as it was. The caller holds both people rows
 * locked, so no tie of either appears in between; one INSERT … SELECT and one DELETE.
 */
export async function moveDeclaredTies(tx: Tx, fromPersonId: string, toPersonId: string) {
  await sql`
    INSERT INTO network_ties (region_id, person_a, person_b, kind, note, recorded_by, created_at)
    SELECT t.region_id, least(o.other, ${toPersonId}::uuid), greatest(o.other, ${toPersonId}::uuid),
      t.kind, t.note, t.recorded_by, t.created_at
    FROM network_ties t
    CROSS JOIN LATERAL (SELECT CASE WHEN t.person_a = ${fromPersonId} THEN t.person_b
      ELSE t.person_a END AS other) o
    WHERE (t.person_a = ${fromPersonId} OR t.person_b = ${fromPersonId})
      AND o.other <> ${toPersonId}
    ON CONFLICT DO NOTHING`.execute(tx);
  await tx
    .deleteFrom("network_ties")
    .where((eb) => eb.or([eb("person_a", "=", fromPersonId), eb("person_b", "=", fromPersonId)]))
    .execute();
}

/**
 * Erasing people (an organiser erasing a person, or a person erasing their account) removes the
 * ties recorded about them, in the eraser's transaction: who someone works with is theirs too.
 */
export async function forgetDeclaredTies(tx: Tx, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  await tx
    .deleteFrom("network_ties")
    .where((eb) => eb.or([eb("person_a", "in", personIds), eb("person_b", "in", personIds)]))
    .execute();
}
