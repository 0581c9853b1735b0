import type { Tx } from "../kernel/tx.ts";
import { translator, type Locale } from "../../i18n/index.ts";
import { queueMail } from "../mail/outbox.ts";
import { toICalendar } from "./calendar.ts";
import { formatEventTime } from "../kernel/time.ts";

/** What every event mail needs to know about the event. */
export interface MailEvent {
  id: string;
  region_id: string;
  slug: string;
  title: string;
  summary: string;
  starts_at: Date | string;
  ends_at: Date | string;
  mode: string;
  address: string;
  room: string;
  online_url: string;
  status: string;
  follow_up_url: string;
  updated_at?: Date | string;
  region_slug: string;
}

export type EventMailKind =
  | "confirmed"
  | "waitlisted"
  | "promoted"
  | "alreadyRegistered"
  | "reminder"
  | "followUp"
  | "cancelled"
  | "cancelledByOrganiser";

export const eventPageUrl = (publicUrl: string, e: { region_slug: string; slug: string }) =>
  `${publicUrl}/r/${e.region_slug}/events/${e.slug}`;

export const manageUrl = (publicUrl: string, token: string) => `${publicUrl}/registration/${token}`;

/**
 * One mail about one registration, in the registrant's language, queued in the caller's
 * transaction. Mails that give a place carry the calendar invite; the online link is in them
 * because only people with a place receive them.
 */
export async function queueEventMail(
  db: Tx,
  kind: EventMailKind,
  event: MailEvent,
  to: { registrationId: string; email: string; name: string; language: Locale },
  opts: { publicUrl: string; token: string | null; extra?: string; nextEvent?: string },
): Promise<void> {
  const t = translator(to.language);
  const page = eventPageUrl(opts.publicUrl, event);
  const when = formatEventTime(event.starts_at, event.ends_at, to.language);
  const where =
    event.mode === "online"
      ? t("eventMail.online")
      : [event.room, event.address].filter(Boolean).join(", ");
  const hasPlace = kind === "confirmed" || kind === "promoted" || kind === "reminder";
  const lines = [
    t("eventMail.greeting", { name: to.name }),
    "",
    t(`eventMail.${kind}.body`, { title: event.title }),
    "",
    `${t("eventMail.when")}: ${when}`,
    where ? `${t("eventMail.where")}: ${where}` : "",
    hasPlace && event.mode !== "on_site" && event.online_url
      ? `${t("eventMail.link")}: ${event.online_url}`
      : "",
    `${t("eventMail.page")}: ${page}`,
    opts.extra ? `\n${opts.extra}` : "",
    kind === "followUp" && event.follow_up_url
      ? `\n${t("eventMail.followUpLink")}: ${event.follow_up_url}`
      : "",
    kind === "followUp" && opts.nextEvent ? `\n${t("eventMail.nextEvent")}: ${opts.nextEvent}` : "",
    opts.token ? `\n${t("eventMail.manage")}\n${manageUrl(opts.publicUrl, opts.token)}` : "",
    "",
    t("mail.signature"),
  ].filter((l, i, all) => l !== "" || all[i - 1] !== "");
  await queueMail(db, {
    regionId: event.region_id,
    to: to.email,
    registrationId: to.registrationId,
    subject: t(`eventMail.${kind}.subject`, { title: event.title }),
    text: lines.join("\n"),
    attachments: hasPlace
      ? [
          {
            filename: "uitnodiging.ics",
            contentType: "text/calendar; charset=utf-8; method=PUBLISH",
            content: toICalendar([{ event, pageUrl: page }], {
              publicUrl: opts.publicUrl,
              withOnlineLink: true,
            }),
          },
        ]
      : [],
  });
}
