import { createEvents, type EventAttributes } from "ics";

export interface CalendarEvent {
  id: string;
  title: string;
  summary: string;
  starts_at: Date | string;
  ends_at: Date | string;
  address: string;
  room: string;
  mode: string;
  online_url: string;
  status: string;
  updated_at?: Date | string;
}

function attributes(
  e: CalendarEvent,
  opts: { pageUrl: string; withOnlineLink: boolean; host: string },
): EventAttributes {
  const place = [e.room, e.address].filter(Boolean).join(", ");
  const link = opts.withOnlineLink && e.online_url ? e.online_url : "";
  return {
    // The same uid in every feed and invite, so a calendar updates the event instead of adding it.
    uid: `${e.id}@${opts.host}`,
    start: new Date(e.starts_at).getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: new Date(e.ends_at).getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: e.title,
    description: [e.summary, link, opts.pageUrl].filter(Boolean).join("\n\n"),
    location: place || link || undefined,
    url: opts.pageUrl,
    status: e.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    // Changes to an event reach calendars that already hold it.
    sequence: e.updated_at ? Math.floor(new Date(e.updated_at).getTime() / 1000) : 0,
    productId: "lerende-regio",
  };
}

/**
 * iCalendar for one event or a whole agenda. The online meeting link goes only into the invite
 * that a registered person receives, never into a public feed.
 */
export function toICalendar(
  events: { event: CalendarEvent; pageUrl: string }[],
  opts: { publicUrl: string; withOnlineLink: boolean; calendarName?: string },
): string {
  const host = new URL(opts.publicUrl).host;
  const { error, value } = createEvents(
    events.map(({ event, pageUrl }) =>
      attributes(event, { pageUrl, withOnlineLink: opts.withOnlineLink, host }),
    ),
    { productId: "lerende-regio", method: "PUBLISH", calName: opts.calendarName },
  );
  if (error || value === null) throw error ?? new Error("calendar could not be made");
  return value;
}
