import { sql } from "kysely";
import type { Db } from "../../db/client.ts";
import type { Locale } from "../../i18n/index.ts";
import { gone, failure, forbidden, notFound, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { forgetMailsOfRegistrations, forgetRegistrationMails } from "../mail/outbox.ts";
import { queueEventMail, type MailEvent } from "./mails.ts";
import { fillFromWaitlist, registrationFromToken } from "./register.ts";

/** What the page behind the link in a registrant's mail shows. */
export async function registrationByToken(db: Db, token: string) {
  const id = await registrationFromToken(db, token);
  if (!id || !isId(id)) return null;
  const row = await db
    .selectFrom("registrations as g")
    .innerJoin("events as e", "e.id", "g.event_id")
    .innerJoin("regions as r", "r.id", "e.region_id")
    .select([
      "g.id",
      "g.name",
      "g.email",
      "g.status",
      "g.language",
      "e.id as event_id",
      "e.title",
      "e.slug",
      "e.starts_at",
      "e.ends_at",
      "e.mode",
      "e.address",
      "e.room",
      "e.online_url",
      "r.slug as region_slug",
      "r.name as region_name",
    ])
    .where("g.id", "=", id)
    // Once anonymised after the retention period, the link has expired.
    .where("g.anonymised_at", "is", null)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Cancels in the same transaction that gives the freed place to the first on the waitlist, under
 * the event's lock: the place is never given twice and never left empty while someone waits.
 */
async function cancel(
  db: Db,
  registrationId: string,
  opts: { publicUrl: string; now?: Date; notify: "cancelled" | "cancelledByOrganiser" | null },
): Promise<Result<{ promoted: number; already: boolean }>> {
  return db.transaction().execute(async (trx) => {
    const reg = await trx
      .selectFrom("registrations")
      .select(["event_id"])
      .where("id", "=", registrationId)
      .executeTakeFirst();
    if (!reg) return failure("notFound", "events.linkInvalid");
    // Lock the event first, then read the registration: the order every writer uses.
    await trx
      .selectFrom("events")
      .select("id")
      .where("id", "=", reg.event_id)
      .forUpdate()
      .executeTakeFirst();
    const r = await trx
      .selectFrom("registrations as g")
      .innerJoin("events as e", "e.id", "g.event_id")
      .innerJoin("regions as rg", "rg.id", "e.region_id")
      .selectAll("e")
      .select([
        "g.status as reg_status",
        "g.email",
        "g.name",
        "g.language as reg_language",
        "rg.slug as region_slug",
      ])
      .where("g.id", "=", registrationId)
      .executeTakeFirstOrThrow();
    if (r.reg_status === "cancelled") return ok({ promoted: 0, already: true });
    if (new Date(r.starts_at).getTime() <= (opts.now ?? new Date()).getTime())
      return gone("events.cancelTooLate");
    await trx
      .updateTable("registrations")
      .set({ status: "cancelled", cancelled_at: sql`now()`, updated_at: sql`now()` })
      .where("id", "=", registrationId)
      .execute();
    if (opts.notify)
      await queueEventMail(
        trx,
        opts.notify,
        r as unknown as MailEvent,
        {
          registrationId,
          email: r.email,
          name: r.name,
          language: r.reg_language as Locale,
        },
        { publicUrl: opts.publicUrl, token: null },
      );
    const promoted = r.reg_status === "confirmed" ? await fillFromWaitlist(trx, r.id, opts) : 0;
    return ok({ promoted, already: false });
  });
}

/** The registrant cancels from the link in their mail; no account needed. */
export async function cancelRegistration(
  db: Db,
  token: string,
  opts: { publicUrl: string; now?: Date },
): Promise<Result<{ promoted: number; already: boolean }>> {
  const reg = await registrationByToken(db, token);
  if (!reg) return failure("notFound", "events.linkInvalid");
  return cancel(db, reg.id, { ...opts, notify: "cancelled" });
}

/** An organiser cancels someone's registration (they asked by phone, say). */
export async function cancelByOrganiser(
  scope: RegionScope,
  registrationId: string,
  opts: { publicUrl: string },
): Promise<Result<{ promoted: number; already: boolean }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!isId(registrationId)) return notFound();
  const own = await scope.db
    .selectFrom("registrations")
    .select("id")
    .where("id", "=", registrationId)
    .where("region_id", "=", scope.regionId)
    .executeTakeFirst();
  if (!own) return notFound();
  return cancel(scope.db, registrationId, { ...opts, notify: "cancelledByOrganiser" });
}

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
export async function anonymiseRegistration(db: Db, registrationId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const reg = await trx
      .selectFrom("registrations")
      .select(["email", "region_id"])
      .where("id", "=", registrationId)
      .forUpdate()
      .executeTakeFirst();
    if (!reg) return;
    await forgetRegistrationMails(trx, {
      id: registrationId,
      regionId: reg.region_id,
      email: reg.email,
    });
    await trx
      .updateTable("registrations")
      .set(erased(null))
      .where("id", "=", registrationId)
      .execute();
  });
}

/**
 * The registrant asks to be forgotten from the link in their mail: a place for an event still to
 * come is given up first (so the waitlist moves), then the record loses everything personal.
 */
export async function eraseRegistration(
  db: Db,
  token: string,
  opts: { publicUrl: string; now?: Date },
): Promise<Result<{ erased: true }>> {
  const reg = await registrationByToken(db, token);
  if (!reg) return failure("notFound", "events.linkInvalid");
  const upcoming = new Date(reg.starts_at).getTime() > (opts.now ?? new Date()).getTime();
  if (upcoming && reg.status !== "cancelled") {
    const cancelled = await cancel(db, reg.id, { ...opts, notify: null });
    if (!cancelled.ok) return cancelled;
  }
  await anonymiseRegistration(db, reg.id);
  return ok({ erased: true });
}

/**
 * After the region's retention period (counted from the end of the event), registrations lose
 * what identifies people. Counts, sectors and attendance stay.
 */
export async function anonymiseExpiredRegistrations(db: Db, now = new Date()): Promise<number> {
  const expired = sql<boolean>`e.ends_at + (SELECT retention_months FROM regions WHERE id = e.region_id) * interval '1 month' < ${now}`;
  return db.transaction().execute(async (trx) => {
    // The mails about them go first, while the registrations still match.
    await forgetMailsOfRegistrations(trx, (eb) =>
      eb
        .selectFrom("registrations as g")
        .innerJoin("events as e", "e.id", "g.event_id")
        .select("g.id")
        .where("g.anonymised_at", "is", null)
        .where(expired),
    );
    const rows = await trx
      .updateTable("registrations")
      .from("events as e")
      .set(erased(now))
      .whereRef("e.id", "=", "registrations.event_id")
      .where("registrations.anonymised_at", "is", null)
      .where(expired)
      .returning("registrations.id")
      .execute();
    return rows.length;
  });
}
