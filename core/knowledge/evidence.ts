import { sql } from "kysely";
import { withRow } from "../kernel/guard.ts";
import { fail, notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import type { Tx } from "../kernel/tx.ts";
import { isId, validate } from "../kernel/validate.ts";
import { knowledgePolicy } from "./policy.ts";
import { authorSchema, EVIDENCE_COLUMN, evidenceSchema, holdEvidence } from "./schema.ts";

/**
 * Links an activity of the entry's own region as what the entry came from. Linking twice
 * changes nothing (the unique index per kind; one statement); the activity is held FOR SHARE so
 * it cannot be deleted before the link is in.
 */
export async function addEvidence(
  scope: RegionScope,
  entryId: unknown,
  input: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: knowledgePolicy.addEvidence, table: "knowledge_entries", id: entryId },
    async (tx, entry) => {
      const v = validate(evidenceSchema, input);
      if (!v.ok) return v;
      const activity = await holdEvidence(tx, scope.regionId, v.value.kind, v.value.id);
      if (!activity) return fail("validation.failed", { id: { key: "validation.choice" } });
      await tx
        .insertInto("knowledge_entry_evidence")
        .values({
          entry_id: entry.id,
          note: v.value.note,
          [EVIDENCE_COLUMN[v.value.kind]]: activity.id,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return ok(null);
    },
  );
}

export async function removeEvidence(
  scope: RegionScope,
  entryId: unknown,
  evidenceId: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: knowledgePolicy.removeEvidence, table: "knowledge_entries", id: entryId },
    async (tx, entry) => {
      if (!isId(evidenceId)) return notFound();
      const gone = await tx
        .deleteFrom("knowledge_entry_evidence")
        .where("id", "=", evidenceId)
        .where("entry_id", "=", entry.id)
        .executeTakeFirst();
      return gone.numDeletedRows > 0n ? ok(null) : notFound();
    },
  );
}

/**
 * Names a person of the region as an author. Their name is shown (inside and outside the region)
 * only once their consent is recorded; the organiser ticks it when the person said yes. The
 * person is held FOR SHARE so an erasure at the same moment waits.
 */
export async function addAuthor(
  scope: RegionScope,
  entryId: unknown,
  input: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: knowledgePolicy.addAuthor, table: "knowledge_entries", id: entryId },
    async (tx, entry) => {
      const v = validate(authorSchema, input);
      if (!v.ok) return v;
      const person = await tx
        .selectFrom("people")
        .select("id")
        .where("id", "=", v.value.personId)
        .where("region_id", "=", scope.regionId)
        .where("erased_at", "is", null)
        .forShare()
        .executeTakeFirst();
      if (!person) return fail("validation.failed", { personId: { key: "validation.choice" } });
      // One statement: adding someone already named only updates the consent.
      await tx
        .insertInto("knowledge_entry_authors")
        .values({
          entry_id: entry.id,
          person_id: person.id,
          consent_given_at: v.value.consent ? new Date() : null,
        })
        .onConflict((oc) =>
          oc.columns(["entry_id", "person_id"]).doUpdateSet({
            consent_given_at: v.value.consent ? new Date() : null,
          }),
        )
        .execute();
      return ok(null);
    },
  );
}

/** Records or withdraws an author's consent to be named. One statement. */
export async function setAuthorConsent(
  scope: RegionScope,
  entryId: unknown,
  personId: unknown,
  consent: boolean,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: knowledgePolicy.setAuthorConsent, table: "knowledge_entries", id: entryId },
    async (tx, entry) => {
      if (!isId(personId)) return notFound();
      const r = await tx
        .updateTable("knowledge_entry_authors")
        .set({ consent_given_at: consent ? new Date() : null })
        .where("entry_id", "=", entry.id)
        .where("person_id", "=", personId)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n ? ok(null) : notFound();
    },
  );
}

export async function removeAuthor(
  scope: RegionScope,
  entryId: unknown,
  personId: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: knowledgePolicy.removeAuthor, table: "knowledge_entries", id: entryId },
    async (tx, entry) => {
      if (!isId(personId)) return notFound();
      const r = await tx
        .deleteFrom("knowledge_entry_authors")
        .where("entry_id", "=", entry.id)
        .where("person_id", "=", personId)
        .executeTakeFirst();
      return r.numDeletedRows > 0n ? ok(null) : notFound();
    },
  );
}

/**
 * When two records of one person are merged (core/people/mergePeople.ts), the duplicate's
 * authorships move to the kept record; where both wrote one entry, one row stays, with the
 * consent either record gave (it is the same person's). Without this the duplicate's deletion
 * took its authorships and consents along. The caller holds both people rows locked.
 */
export async function moveAuthorship(tx: Tx, fromPersonId: string, toPersonId: string) {
  await sql`UPDATE knowledge_entry_authors k
    SET consent_given_at = COALESCE(k.consent_given_at, d.consent_given_at)
    FROM knowledge_entry_authors d
    WHERE k.person_id = ${toPersonId} AND d.person_id = ${fromPersonId}
      AND d.entry_id = k.entry_id`.execute(tx);
  await tx
    .deleteFrom("knowledge_entry_authors")
    .where("person_id", "=", fromPersonId)
    .where("entry_id", "in", (eb) =>
      eb
        .selectFrom("knowledge_entry_authors")
        .select("entry_id")
        .where("person_id", "=", toPersonId),
    )
    .execute();
  await tx
    .updateTable("knowledge_entry_authors")
    .set({ person_id: toPersonId })
    .where("person_id", "=", fromPersonId)
    .execute();
}
