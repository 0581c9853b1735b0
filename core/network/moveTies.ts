import { sql } from "kysely";
import type { DeclaredTieKind } from "../../db/schema.ts";
import type { Reader, Tx } from "../kernel/tx.ts";

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

export interface DeclaredTieOfPerson {
  id: string;
  personId: string;
  withId: string;
  /** The other person's name, as the register has it now. */
  with: string;
  kind: DeclaredTieKind;
  note: string;
  createdAt: string;
}

/**
 * The ties recorded about these people, for a person's data export (the right of access). Read
 * by person id, so the caller decides whose records they are.
 */
export async function declaredTiesOfPeople(
  db: Reader,
  personIds: string[],
): Promise<DeclaredTieOfPerson[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom("network_ties as t")
    .innerJoin("people as a", "a.id", "t.person_a")
    .innerJoin("people as b", "b.id", "t.person_b")
    .select(["t.id", "t.person_a", "t.person_b", "a.name as a_name", "b.name as b_name"])
    .select(["t.kind", "t.note", "t.created_at"])
    .where((eb) => eb.or([eb("t.person_a", "in", personIds), eb("t.person_b", "in", personIds)]))
    .orderBy("t.created_at")
    .execute();
  const mine = new Set(personIds);
  return rows.flatMap((r) =>
    [
      [r.person_a!, r.person_b!, r.b_name],
      [r.person_b!, r.person_a!, r.a_name],
    ]
      .filter(([id]) => mine.has(id!))
      .map(([id, otherId, other]) => ({
        id: r.id,
        personId: id!,
        withId: otherId!,
        with: other!,
        kind: r.kind,
        note: r.note,
        createdAt: new Date(r.created_at).toISOString(),
      })),
  );
}
