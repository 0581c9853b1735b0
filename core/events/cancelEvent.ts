import { sql } from "kysely";
import { translator, type Locale } from "../../i18n/index.ts";
import { withRow } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { formatEventTime } from "../kernel/time.ts";
import { queueMail } from "../mail/outbox.ts";
import { scheduleEventJobs } from "./eventJobs.ts";
import { regionSlug } from "./eventFields.ts";
import { eventPageUrl } from "./mails.ts";
import { eventPolicy } from "./policy.ts";

/**
 * The event will not take place: it leaves the agenda, its reminder and follow-up are dropped,
 * and everyone registered (with a place or on the waitlist) is told, in the same transaction.
 * Registrations keep their status, so the figures still say who had registered. Cancelling an
 * event that is already cancelled sends nothing again.
 */
export async function cancelEvent(
  scope: RegionScope,
  eventId: unknown,
  opts: { publicUrl: string; confirmed: boolean },
): Promise<Result<{ notified: number }>> {
  // Locked: the status read decides whether everyone is told, and only once; registrations
  // wait for the lock too, so nobody registers unseen between the list and the mails.
  return withRow(
    scope,
    { role: eventPolicy.cancelEvent, table: "events", id: eventId, lock: true },
    async (tx, event) => {
      if (!opts.confirmed)
        return fail("validation.failed", { confirm: { key: "eventsAdmin.confirmNeeded" } });
      if (event.status === "cancelled") return ok({ notified: 0 });
      await tx
        .updateTable("events")
        .set({ status: "cancelled", updated_at: sql`now()` })
        .where("id", "=", event.id)
        .execute();
      await scheduleEventJobs(tx, event.id);
      const people = await tx
        .selectFrom("registrations")
        .select(["id", "email", "name", "language"])
        .where("event_id", "=", event.id)
        .where("status", "in", ["confirmed", "waitlisted"])
        .where("anonymised_at", "is", null)
        .orderBy("seq")
        .execute();
      const page = eventPageUrl(opts.publicUrl, {
        region_slug: await regionSlug(tx, scope.regionId),
        slug: event.slug,
      });
      for (const p of people) {
        const language = p.language as Locale;
        const t = translator(language);
        await queueMail(tx, {
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
            `${t("eventMail.page")}: ${page}`,
            "",
            t("mail.signature"),
          ].join("\n"),
        });
      }
      return ok({ notified: people.length });
    },
  );
}
