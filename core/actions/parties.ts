import { sql } from "kysely";
import type { Reader, Tx } from "../kernel/tx.ts";
import { resolveOrganisation, resolvePerson, splitNames } from "../kernel/register.ts";

/**
 * An action's lead ("trekker") and partners linked to the region's register
 * (db/migrations/016): how the intents make the links, and what merging, erasing and exporting
 * people do with them. The partners stay one text as typed (the public agenda shows it); the
 * names in it the register knows get a row in action_partners.
 */

export interface PartnerRow {
  name: string;
  organisation_id: string | null;
  person_id: string | null;
}

/**
 * The lead's link and the partners' rows for the typed values. `addPartner` (the form's pick from
 * the register) joins the partners as one more line. A name is an organisation first, then a
 * person; a name several people share links nobody (it stays text).
 */
export async function partyLinks(
  tx: Tx,
  regionId: string,
  typed: { ownerOrganisation: string; partners: string; addPartner: string },
) {
  const owner = await resolveOrganisation(tx, regionId, typed.ownerOrganisation);
  const partners = [typed.partners, typed.addPartner].filter((p) => p.trim() !== "").join("\n");
  const rows: PartnerRow[] = [];
  const names: string[] = [];
  const seen = new Set<string>();
  for (const name of splitNames(partners)) {
    const organisation = await resolveOrganisation(tx, regionId, name);
    const person = organisation ? null : await resolvePerson(tx, regionId, name);
    const linked = organisation ?? (person === "ambiguous" ? null : person);
    // A linked name is written as the register has it: a label picked from the form names a
    // person's organisation or address to tell namesakes apart, which the public agenda must not show.
    names.push(linked?.name ?? name);
    const key = organisation ? `o:${organisation.id}` : linked ? `p:${linked.id}` : "";
    if (!linked || seen.has(key)) continue;
    seen.add(key);
    rows.push({
      name: linked.name.slice(0, 200),
      organisation_id: organisation?.id ?? null,
      person_id: organisation ? null : linked.id,
    });
  }
  return {
    columns: {
      owner_organisation: owner?.name ?? typed.ownerOrganisation,
      owner_organisation_id: owner?.id ?? null,
      partners: rows.length > 0 ? names.join("\n") : partners,
    },
    partners: rows,
  };
}

/** Replaces the action's linked partners (the caller holds the action's row lock). */
export async function writePartners(tx: Tx, actionId: string, rows: PartnerRow[]) {
  await tx.deleteFrom("action_partners").where("action_id", "=", actionId).execute();
  if (rows.length > 0)
    await tx
      .insertInto("action_partners")
      .values(rows.map((r) => ({ ...r, action_id: actionId })))
      .execute();
}

/**
 * When two records of one person are merged (core/people/mergePeople.ts), the duplicate's
 * partnerships move to the kept record; where both were partners of one action, one row stays.
 * The caller holds both people rows locked.
 */
export async function moveActionParty(tx: Tx, fromPersonId: string, toPersonId: string) {
  await sql`DELETE FROM action_partners m
    WHERE m.person_id = ${fromPersonId} AND EXISTS (
      SELECT 1 FROM action_partners k WHERE k.action_id = m.action_id
        AND k.person_id = ${toPersonId})`.execute(tx);
  await tx
    .updateTable("action_partners")
    .set({ person_id: toPersonId })
    .where("person_id", "=", fromPersonId)
    .execute();
}

/**
 * Locks, in id order, the actions that name these people as a partner, before an erasure or a
 * merge touches the people. Saving an action locks the action and then the people it names
 * (updateAction.ts); taking the locks in that same order here means the two wait for each other
 * instead of each holding one lock and waiting for the other (a deadlock, and a failed request).
 */
export async function holdActionsNaming(tx: Tx, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  await tx
    .selectFrom("actions")
    .select("id")
    .where("id", "in", (eb) =>
      eb.selectFrom("action_partners").select("action_id").where("person_id", "in", personIds),
    )
    .orderBy("id")
    .forUpdate()
    .execute();
}

/**
 * Erasing people takes their link as a partner away, and their name with it from the action's
 * partners text, in the eraser's transaction: the action stays, without them.
 */
export async function forgetPeopleInActions(tx: Tx, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  const rows = await tx
    .deleteFrom("action_partners")
    .where("person_id", "in", personIds)
    .returning(["action_id", "name"])
    .execute();
  // Held already by holdActionsNaming; locked again for an action linked since.
  for (const r of rows) {
    const action = await tx
      .selectFrom("actions")
      .select("partners")
      .where("id", "=", r.action_id)
      .forUpdate()
      .executeTakeFirst();
    if (!action) continue;
    const name = r.name.toLowerCase();
    const kept = splitNames(action.partners).filter(
      (n) => n.toLowerCase() !== name && !n.toLowerCase().startsWith(`${name} (`),
    );
    await tx
      .updateTable("actions")
      .set({ partners: kept.join("\n") })
      .where("id", "=", r.action_id)
      .execute();
  }
}

export interface ActionOfPerson {
  personId: string;
  action: string;
  role: "partner";
  name: string;
}

/** The actions that name these people as partner, for a person's data export. */
export async function actionTracesOf(db: Reader, personIds: string[]): Promise<ActionOfPerson[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom("action_partners as ap")
    .innerJoin("actions as a", "a.id", "ap.action_id")
    .select(["ap.person_id", "a.title", "ap.name"])
    .where("ap.person_id", "in", personIds)
    .orderBy("a.title")
    .execute();
  return rows.map((r) => ({
    personId: r.person_id!,
    action: r.title,
    role: "partner",
    name: r.name,
  }));
}
