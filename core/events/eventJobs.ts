import type { Locale } from "../../i18n/index.ts";
import type { Tx } from "../kernel/tx.ts";
import { scheduleJob, unscheduleJob, type JobHandler } from "../jobs/jobs.ts";
import { eventPageUrl, queueEventMail } from "./mails.ts";
import { registrationToken } from "./register.ts";

const DAY = 24 * 3600 * 1000;
/** Time for people to get home before the follow-up arrives. */
const FOLLOW_UP_AFTER_MS = 2 * 3600 * 1000;

/**
 * Plans (or moves, or drops) an event's reminder and follow-up from its current state. Called in
 * the transaction that changed the event, so the plan is always that of the saved event.
 */
export async function scheduleEventJobs(trx: Tx, eventId: string, now = new Date()) {
  const e = await trx
    .selectFrom("events")
    .select(["id", "status", "starts_at", "ends_at", "reminder_days"])
    .where("id", "=", eventId)
    .executeTakeFirst();
  const reminderKey = `reminder:${eventId}`;
  const followUpKey = `followup:${eventId}`;
  if (!e || e.status !== "published") {
    await unscheduleJob(trx, reminderKey);
    await unscheduleJob(trx, followUpKey);
    return;
  }
  const start = new Date(e.starts_at).getTime();
  const remindAt = e.reminder_days === null ? null : start - e.reminder_days * DAY;
  // A reminder whose moment passed before the event was planned would arrive with the
  // confirmation; it is not planned at all.
  if (remindAt !== null && remindAt > now.getTime())
    await scheduleJob(trx, {
      key: reminderKey,
      kind: "eventReminder",
      runAt: new Date(remindAt),
      payload: { eventId },
    });
  else await unscheduleJob(trx, reminderKey);
  await scheduleJob(trx, {
    key: followUpKey,
    kind: "eventFollowUp",
    runAt: new Date(new Date(e.ends_at).getTime() + FOLLOW_UP_AFTER_MS),
    payload: { eventId },
  });
}

async function mailEvent(trx: Tx, eventId: string) {
  return trx
    .selectFrom("events as e")
    .innerJoin("regions as r", "r.id", "e.region_id")
    .selectAll("e")
    .select("r.slug as region_slug")
    .where("e.id", "=", eventId)
    .executeTakeFirst();
}

async function confirmedOf(trx: Tx, eventId: string) {
  return trx
    .selectFrom("registrations")
    .select(["id", "email", "name", "language"])
    .where("event_id", "=", eventId)
    .where("status", "=", "confirmed")
    .where("anonymised_at", "is", null)
    .orderBy("seq")
    .execute();
}

/** The durable jobs of events; the job runner calls them inside the job's transaction. */
export function eventJobHandlers(opts: { publicUrl: string }): Record<string, JobHandler> {
  return {
    async eventReminder(trx, payload) {
      const event = await mailEvent(trx, String(payload.eventId));
      if (!event || event.status !== "published") return;
      if (new Date(event.starts_at).getTime() <= Date.now()) return;
      for (const r of await confirmedOf(trx, event.id))
        await queueEventMail(
          trx,
          "reminder",
          event,
          {
            ...r,
            registrationId: r.id,
            language: r.language as Locale,
          },
          { publicUrl: opts.publicUrl, token: await registrationToken(trx, r.id) },
        );
    },
    async eventFollowUp(trx, payload) {
      const event = await mailEvent(trx, String(payload.eventId));
      if (!event || event.status !== "published") return;
      const next = event.series_id
        ? await trx
            .selectFrom("events")
            .select(["slug", "title"])
            .where("series_id", "=", event.series_id)
            .where("status", "=", "published")
            .where("starts_at", ">", event.ends_at)
            .orderBy("starts_at")
            .limit(1)
            .executeTakeFirst()
        : undefined;
      const nextEvent = next
        ? `${next.title}: ${eventPageUrl(opts.publicUrl, { region_slug: event.region_slug, slug: next.slug })}`
        : undefined;
      for (const r of await confirmedOf(trx, event.id))
        await queueEventMail(
          trx,
          "followUp",
          event,
          {
            ...r,
            registrationId: r.id,
            language: r.language as Locale,
          },
          { publicUrl: opts.publicUrl, token: null, nextEvent },
        );
    },
  };
}
