import type { Route } from "./+types/agenda-ics";
import { toICalendar } from "../../../../core/events/calendar.ts";
import { eventPageUrl } from "../../../../core/events/mails.ts";
import { publicAgenda, publicEventRegion } from "../../../../core/events/publicPages.ts";
import { getServices, notFound } from "../../../lib/request.server.ts";

/**
 * The region's agenda as an iCalendar feed to subscribe to. Public, so without the online link:
 * that is only in the invite a registered person receives.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { db, config } = getServices(context);
  const region = await publicEventRegion(db, params.slug);
  if (!region) notFound(context);
  const events = await publicAgenda(db, region.id);
  const body = toICalendar(
    events.map((e) => ({
      event: { ...e, online_url: "" },
      pageUrl: eventPageUrl(config.publicUrl, { region_slug: region.slug, slug: e.slug }),
    })),
    { publicUrl: config.publicUrl, withOnlineLink: false, calendarName: region.name },
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${region.slug}.ics"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
