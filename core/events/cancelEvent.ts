import { sql } from "kysely";
import { translator, type Locale } from "../../i18n/index.ts";
import { queueMail } from "../mail/outbox.ts";
import { forbidden, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { scheduleEventJobs } from "./eventJobs.ts";
import { eventPageUrl } from "./mails.ts";
import { formatEventTime } from "../kernel/time.ts";

/**
 * The event will not take place: it leaves the agenda, its reminder and follow-up are dropped,
 * and everyone registered (with a place or on the waitlist) is told, in the same transaction.
 * Registrations keep their status, so the figures still say who had registered. Cancelling an
 * event that is already cancelled sends nothing again.
 */
export async function cancelEvent(
  scope: RegionScope,
  eventId: string,
  opts: { publicUrl: string; confirmed: boolean },
): Promise<Result<{ notified: number }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!isId(eventId)) return notFound();
  return scope.db.transaction().execute(async (trx) => {
    const event = await trx
      .selectFrom("events as e")
      .innerJoin("regions as r", "r.id", "e.region_id")
      .select(["e.id", "e.title", "e.slug", "e.status", "e.starts_at", "e.ends_at"])
      .select("r.slug as region_slug")
      .where("e.id", "=", eventId)
      .where("e.region_id", "=", scope.regionId)
      .forUpdate("e")
      .executeTakeFirst();
    if (!event) return notFound();
    if (!opts.confirmed)
      return fail("validation.failed", { confirm: { key: "eventsAdmin.confirmNeeded" } });
    if (event.status === "cancelled") return ok({ notified: 0 });
    await trx
      .updateTable("events")
      .set({ status: "cancelled", updated_at: sql`now()` })
      .where("id", "=", event.id)
      .execute();
    await scheduleEventJobs(trx, event.id);
    const people = await trx
      .selectFrom("registrations")
      .select(["id", "email", "name", "language"])
      .where("event_id", "=", event.id)
      .where("status", "in", ["confirmed", "waitlisted"])
      .where("anonymised_at", "is", null)
      .orderBy("seq")
      .execute();
    for (const p of people) {
      const language = p.language as Locale;
      const t = translator(language);
      await queueMail(trx, {
        regionId: scope.regionId,
        to: p.email,
        registrationId: p.id,
        subject: t("eventAdminMail.eventCancelled.subject", { title: event.title }),
        text: [
          t("eventMail.greeting", { name: p.name }),
          "",
          t("eventAdminMail.eventCancelled.body", { title: event.title }),
          "",
          `${t("eventMail.when")}: ${formatEventTime(event.starts_at, event.ends_at, language)}`,
          `${t("eventMail.page")}: ${eventPageUrl(opts.publicUrl, event)}`,
          "",
          t("mail.signature"),
        ].join("\n"),
      });
    }
    return ok({ notified: people.length });
  });
}
