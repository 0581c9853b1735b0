import { sql } from "kysely";
import { forgetMailsOfRegistrations, forgetRegistrationMails } from "../mail/outbox.ts";
import type { Tx } from "../kernel/tx.ts";

/**
 * What identifies a person on a registration, blanked; status, sector and attendance stay for the
 * figures. One rule for erasure on request and for the retention sweep.
 */
const erased = (at: Date | null) => ({
  name: "",
  email: sql<string>`'erased-' || registrations.id || '@invalid'`,
  organisation: "",
  role: "",
  answers: "{}",
  diet: "",
  accessibility: "",
  anonymised_at: at ? sql<Date>`${at}` : sql<Date>`now()`,
  updated_at: at ? sql<Date>`${at}` : sql<Date>`now()`,
});

/**
 * Removes what identifies the person from one registration, and the mails about it: their copies
 * in the outbox carry the name, the online meeting link and the registrant's own link. Mails from
 * before the outbox knew its registrations are found by the address in the event's region.
 */
export async function anonymiseRegistration(tx: Tx, registrationId: string): Promise<void> {
  // Locked: the address read finds the mails to forget before the row loses it.
  const reg = await tx
    .selectFrom("registrations")
    .select(["email", "region_id"])
    .where("id", "=", registrationId)
    .forUpdate()
    .executeTakeFirst();
  if (!reg) return;
  await forgetRegistrationMails(tx, {
    id: registrationId,
    regionId: reg.region_id,
    email: reg.email,
  });
  await tx
    .updateTable("registrations")
    .set(erased(null))
    .where("id", "=", registrationId)
    .execute();
}

/**
 * After the region's retention period (counted from the end of the event), registrations lose
 * what identifies people. Counts, sectors and attendance stay. A job of the process, not an
 * intent of a person: it spans every region.
 */
export async function anonymiseExpiredRegistrations(tx: Tx, now = new Date()): Promise<number> {
  const expired = sql<boolean>`e.ends_at + (SELECT retention_months FROM regions WHERE id = e.region_id) * interval '1 month' < ${now}`;
  // The mails about them go first, while the registrations still match.
  await forgetMailsOfRegistrations(tx, (eb) =>
    eb
      .selectFrom("registrations as g")
      .innerJoin("events as e", "e.id", "g.event_id")
      .select("g.id")
      .where("g.anonymised_at", "is", null)
      .where(expired),
  );
  const rows = await tx
    .updateTable("registrations")
    .from("events as e")
    .set(erased(now))
    .whereRef("e.id", "=", "registrations.event_id")
    .where("registrations.anonymised_at", "is", null)
    .where(expired)
    .returning("registrations.id")
    .execute();
  return rows.length;
}
