import { sql } from "kysely";
import { fail, ok } from "../kernel/result.ts";
import type { Reader, Tx } from "../kernel/tx.ts";
import { resolveOrganisation, resolvePerson } from "../kernel/register.ts";

/**
 * A coalition's lead and members linked to the region's register (db/migrations/016): how the
 * intents make the links, and what merging, erasing and exporting people do with them.
 */

const ambiguous = (field: string) =>
  fail("validation.failed", { [field]: { key: "coalitions.personAmbiguous" } });

/** The lead's links for the typed lead name and organisation; the register's names for display. */
export async function leadLinks(
  tx: Tx,
  regionId: string,
  typed: { leadName: string; leadOrganisation: string },
) {
  const person = await resolvePerson(tx, regionId, typed.leadName);
  if (person === "ambiguous") return ambiguous("leadName");
  const organisation = await resolveOrganisation(tx, regionId, typed.leadOrganisation);
  return ok({
    lead_name: person?.name ?? typed.leadName,
    lead_person_id: person?.id ?? null,
    lead_organisation: organisation?.name ?? typed.leadOrganisation,
    lead_organisation_id: organisation?.id ?? null,
  });
}

/**
 * A member's links. A person of the register brings what the register knows of them (address,
 * organisation, its sector) where the form left it empty.
 */
export async function memberLinks(
  tx: Tx,
  regionId: string,
  typed: { name: string; email: string | null; organisation: string; sector: string | null },
) {
  const person = await resolvePerson(tx, regionId, typed.name);
  if (person === "ambiguous") return ambiguous("name");
  const known = person
    ? await tx
        .selectFrom("people as p")
        .leftJoin("organisations as o", "o.id", "p.organisation_id")
        .select(["p.email", "o.name as organisation"])
        .where("p.id", "=", person.id)
        .executeTakeFirstOrThrow()
    : null;
  const organisation = await resolveOrganisation(
    tx,
    regionId,
    typed.organisation || known?.organisation || "",
  );
  const sector = organisation
    ? await tx
        .selectFrom("organisations")
        .select("sector")
        .where("id", "=", organisation.id)
        .executeTakeFirstOrThrow()
    : null;
  return ok({
    name: person?.name ?? typed.name,
    person_id: person?.id ?? null,
    email: typed.email ?? known?.email ?? null,
    organisation: organisation?.name ?? typed.organisation,
    organisation_id: organisation?.id ?? null,
    sector: typed.sector ?? sector?.sector ?? null,
  });
}

/** Whether this person is in the coalition already, in any status (the caller holds its lock). */
export async function personInCoalition(tx: Tx, coalitionId: string, personId: string) {
  const row = await tx
    .selectFrom("coalition_members")
    .select("id")
    .where("coalition_id", "=", coalitionId)
    .where("person_id", "=", personId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * When two records of one person are merged (core/people/mergePeople.ts), the duplicate's
 * memberships and leads move to the kept record. Where both were in the same coalition, the kept
 * record's membership stays and the duplicate's goes. The caller holds both people rows locked.
 */
export async function moveCoalitionParty(tx: Tx, fromPersonId: string, toPersonId: string) {
  await sql`DELETE FROM coalition_members m
    WHERE m.person_id = ${fromPersonId} AND EXISTS (
      SELECT 1 FROM coalition_members k WHERE k.coalition_id = m.coalition_id
        AND k.person_id = ${toPersonId})`.execute(tx);
  await tx
    .updateTable("coalition_members")
    .set({ person_id: toPersonId })
    .where("person_id", "=", fromPersonId)
    .execute();
  await tx
    .updateTable("coalitions")
    .set({ lead_person_id: toPersonId })
    .where("lead_person_id", "=", fromPersonId)
    .execute();
}

/**
 * Locks, in id order, the coalitions that name these people (as lead or member), before an
 * erasure or a merge touches the people: adding a member locks the coalition and then the person
 * (addMember.ts), and the same order here keeps the two from deadlocking.
 */
export async function holdCoalitionsNaming(tx: Tx, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  await tx
    .selectFrom("coalitions")
    .select("id")
    .where((eb) =>
      eb.or([
        eb("lead_person_id", "in", personIds),
        eb(
          "id",
          "in",
          eb
            .selectFrom("coalition_members")
            .select("coalition_id")
            .where("person_id", "in", personIds),
        ),
      ]),
    )
    .orderBy("id")
    .forUpdate()
    .execute();
}

/**
 * What erasing people does to their coalitions, in the eraser's transaction: a membership is the
 * person's (their name, address and note), so it goes; as a lead, their name is taken off and the
 * lead's organisation stays, since it is the organisation's.
 */
// No lock of its own: the eraser holds the coalitions first (holdCoalitionsNaming).
export async function forgetPeopleInCoalitions(tx: Tx, personIds: string[]): Promise<void> {
  if (personIds.length === 0) return;
  await tx.deleteFrom("coalition_members").where("person_id", "in", personIds).execute();
  await tx
    .updateTable("coalitions")
    .set({ lead_person_id: null, lead_name: "" })
    .where("lead_person_id", "in", personIds)
    .execute();
}

export interface CoalitionOfPerson {
  personId: string;
  coalition: string;
  /** "lead", or the membership's status. */
  role: "lead" | "member" | "interested" | "declined";
  name: string;
  email: string | null;
  organisation: string;
  note: string;
  since: string;
}

/** The coalitions that name these people, for a person's data export (the right of access). */
export async function coalitionTracesOf(
  db: Reader,
  personIds: string[],
): Promise<CoalitionOfPerson[]> {
  if (personIds.length === 0) return [];
  const [leads, members] = await Promise.all([
    db
      .selectFrom("coalitions")
      .select(["lead_person_id", "title", "lead_name", "lead_organisation", "created_at"])
      .where("lead_person_id", "in", personIds)
      .orderBy("title")
      .execute(),
    db
      .selectFrom("coalition_members as m")
      .innerJoin("coalitions as c", "c.id", "m.coalition_id")
      .select(["m.person_id", "c.title", "m.status", "m.name", "m.email", "m.organisation"])
      .select(["m.note", "m.created_at"])
      .where("m.person_id", "in", personIds)
      .orderBy("c.title")
      .execute(),
  ]);
  return [
    ...leads.map((l): CoalitionOfPerson => ({
      personId: l.lead_person_id!,
      coalition: l.title,
      role: "lead",
      name: l.lead_name,
      email: null,
      organisation: l.lead_organisation,
      note: "",
      since: new Date(l.created_at).toISOString(),
    })),
    ...members.map((m): CoalitionOfPerson => ({
      personId: m.person_id!,
      coalition: m.title,
      role: m.status,
      name: m.name,
      email: m.email,
      organisation: m.organisation,
      note: m.note,
      since: new Date(m.created_at).toISOString(),
    })),
  ];
}
