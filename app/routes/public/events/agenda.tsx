import { Link } from "react-router";
import type { Route } from "./+types/agenda";
import { publicAgenda, publicEventRegion } from "../../../../core/events/publicPages.ts";
import { formatEventTime } from "../../../../core/kernel/time.ts";
import { PlacesText, PublicRegionShell } from "../../../components/events/public.tsx";
import { useT } from "../../../lib/i18n.ts";
import { getRequestInfo, getServices, notFound, requestT } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

/** The region's public agenda: published events that have not ended, soonest first. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { db, config } = getServices(context);
  const { locale } = getRequestInfo(context);
  const region = await publicEventRegion(db, params.slug);
  if (!region) notFound(context);
  const events = await publicAgenda(db, region.id);
  const t = requestT(context);
  return {
    pageTitle: `${t("events.agendaTitle")} · ${region.name}`,
    region: {
      slug: region.slug,
      name: region.name,
      hasLogo: region.logo_mime !== null,
      primaryColor: region.primary_color,
    },
    feedUrl: `${config.publicUrl}/r/${region.slug}/agenda.ics`,
    events: events.map((e) => ({
      slug: e.slug,
      kind: e.kind,
      title: e.title,
      summary: e.summary,
      mode: e.mode,
      place: e.mode === "online" ? "" : [e.room, e.address].filter(Boolean).join(", "),
      when: formatEventTime(e.starts_at, e.ends_at, locale),
      startsAt: new Date(e.starts_at).toISOString(),
      capacity: e.capacity,
      placesLeft: e.placesLeft,
      waitlist: e.waitlist,
      invitationOnly: e.invitation_only,
    })),
  };
}

export function headers() {
  return { "Cache-Control": "no-store" };
}

export default function Agenda({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { region, events, feedUrl } = loaderData;
  return (
    <PublicRegionShell region={region}>
      <h1 className="utrecht-heading-1">{t("events.agendaTitle")}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {t("events.agendaIntro", { region: region.name })}
      </p>
      {events.length === 0 ? (
        <p className="utrecht-paragraph">{t("events.agendaEmpty")}</p>
      ) : (
        <ul className="lr-agenda">
          {events.map((e) => (
            <li className="lr-agenda__item" key={e.slug}>
              <p className="lr-event-kind">{t(`events.kinds.${e.kind}`)}</p>
              <h2 className="utrecht-heading-3">
                <Link className="utrecht-link" to={`/r/${region.slug}/events/${e.slug}`}>
                  {e.title}
                </Link>
              </h2>
              <dl className="lr-event-facts lr-event-facts--compact">
                <div>
                  <dt>{t("events.when")}</dt>
                  <dd>
                    <time dateTime={e.startsAt}>{e.when}</time>
                  </dd>
                </div>
                <div>
                  <dt>{t("events.where")}</dt>
                  <dd>
                    {e.mode === "online"
                      ? t("events.modes.online")
                      : e.mode === "hybrid"
                        ? `${e.place} (${t("events.alsoOnline")})`
                        : e.place}
                  </dd>
                </div>
                <div>
                  <dt>{t("events.places")}</dt>
                  <dd>
                    {e.invitationOnly ? `${t("events.byInvitation")} ` : null}
                    <PlacesText
                      capacity={e.capacity}
                      placesLeft={e.placesLeft}
                      waitlist={e.waitlist}
                    />
                  </dd>
                </div>
              </dl>
              {e.summary ? <p className="utrecht-paragraph lr-plain">{e.summary}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <section className="lr-event-section" aria-labelledby="subscribe">
        <h2 className="utrecht-heading-2" id="subscribe">
          {t("events.subscribeTitle")}
        </h2>
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={`/r/${region.slug}/agenda.ics`}>
            {t("events.subscribe")}
          </a>
        </p>
        <p className="utrecht-paragraph">{t("events.subscribeHint")}</p>
        <p className="utrecht-paragraph">
          <code className="lr-feed-url">{feedUrl}</code>
        </p>
      </section>
    </PublicRegionShell>
  );
}
