import type { Route } from "./+types/event-ics";
import { toICalendar } from "../../../../core/events/calendar.ts";
import { eventPageUrl } from "../../../../core/events/mails.ts";
import { publicEvent, publicEventRegion } from "../../../../core/events/publicPages.ts";
import { getServices, notFound } from "../../../lib/request.server.ts";

/** One event to add to a calendar; a cancelled event comes as cancelled, so calendars drop it. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { db, config } = getServices(context);
  const region = await publicEventRegion(db, params.slug);
  if (!region) notFound(context);
  const event = await publicEvent(db, region.id, params.eventSlug);
  if (!event) notFound(context);
  const body = toICalendar(
    [
      {
        event: { ...event, online_url: "" },
        pageUrl: eventPageUrl(config.publicUrl, { region_slug: region.slug, slug: event.slug }),
      },
    ],
    { publicUrl: config.publicUrl, withOnlineLink: false },
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${event.slug}.ics"`,
      "Cache-Control": "no-cache",
    },
  });
}
