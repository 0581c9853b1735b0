import { Link, redirect } from "react-router";
import type { Route } from "./+types/event";
import {
  openness,
  publicEvent,
  publicEventRegion,
  publicSeriesById,
  seriesEvents,
} from "../../../../core/events/publicPages.ts";
import { register } from "../../../../core/events/register.ts";
import { formatEventTime } from "../../../../core/kernel/time.ts";
import {
  PlacesText,
  PlainText,
  PublicRegionShell,
  RegistrationClosed,
  RegistrationForm,
  sentValues,
} from "../../../components/events/public.tsx";
import { Notice, useFieldErrors } from "../../../components/form.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.ts";
import { refusedRegistration, tooManyRegistrations } from "../../../lib/registration.server.ts";
import { getRequestInfo, getServices, notFound } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [
    { title: loaderData?.pageTitle },
    { name: "description", content: loaderData?.event.summary.slice(0, 160) },
  ];
}

async function find(context: Route.LoaderArgs["context"], slug: string, eventSlug: string) {
  const { db } = getServices(context);
  const region = await publicEventRegion(db, slug);
  if (!region) notFound(context);
  const event = await publicEvent(db, region.id, eventSlug);
  if (!event) notFound(context);
  return { region, event };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { region, event } = await find(context, params.slug, params.eventSlug);
  const { db } = getServices(context);
  const { locale } = getRequestInfo(context);
  const url = new URL(request.url);
  const invitation = url.searchParams.get("invitation")?.slice(0, 100) || null;
  const registered = url.searchParams.get("registered");
  const series = await publicSeriesById(db, region.id, event.series_id);
  const inSeries = series ? await seriesEvents(db, series.id) : [];
  return {
    pageTitle: `${event.title} · ${region.name}`,
    region: {
      slug: region.slug,
      name: region.name,
      hasLogo: region.logo_mime !== null,
      primaryColor: region.primary_color,
      retentionMonths: region.retention_months,
    },
    event: {
      slug: event.slug,
      kind: event.kind,
      title: event.title,
      summary: event.summary,
      programme: event.programme,
      mode: event.mode,
      address: event.address,
      room: event.room,
      when: formatEventTime(event.starts_at, event.ends_at, locale),
      startsAt: new Date(event.starts_at).toISOString(),
      organisers: event.organisers,
      facilitators: event.facilitators,
      costNote: event.cost_note,
      capacity: event.capacity,
      placesLeft: event.placesLeft,
      waitlist: event.waitlist,
      deadline: event.registration_deadline
        ? formatDateTime(event.registration_deadline, locale)
        : null,
      questions: event.questions,
    },
    series: series
      ? {
          slug: series.slug,
          title: series.title,
          events: inSeries.map((e) => ({
            slug: e.slug,
            title: e.title,
            when: formatEventTime(e.starts_at, e.ends_at, locale),
            current: e.slug === event.slug,
          })),
        }
      : null,
    state: openness(event, { hasInvitation: invitation !== null }),
    invitation,
    registered: registered === "confirmed" || registered === "waitlisted" ? registered : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { region, event } = await find(context, params.slug, params.eventSlug);
  const { db, mailer, config } = getServices(context);
  const { locale } = getRequestInfo(context);
  const sent = formObject(await request.formData());
  const values = sentValues(sent);
  const tooMany = await tooManyRegistrations(context, sent, values);
  if (tooMany) return tooMany;
  // A repeated registration (or a bot's) is answered as a new one would be at this moment, so the
  // page tells nobody whether an address registered before; the mail tells the person.
  const expected =
    openness(event, { hasInvitation: true }) === "waitlist" ? "waitlisted" : "confirmed";
  const invitation = typeof sent.invitation === "string" ? sent.invitation : null;
  const result = await register(db, event.id, sent, {
    publicUrl: config.publicUrl,
    language: locale,
    invitationToken: invitation,
  });
  if (!result.ok) {
    if (result.kind === "notFound") notFound(context);
    return refusedRegistration(context, result, values);
  }
  void mailer.kick();
  const shown =
    result.value.status === "ignored" || result.value.again ? expected : result.value.status;
  return redirect(`/r/${region.slug}/events/${event.slug}?registered=${shown}`);
}

export function headers() {
  // The page shows places left: always fresh.
  return { "Cache-Control": "no-store" };
}

function Facts({ event }: { event: Route.ComponentProps["loaderData"]["event"] }) {
  const t = useT();
  const place = [event.room, event.address].filter(Boolean).join(", ");
  return (
    <dl className="lr-event-facts">
      <div>
        <dt>{t("events.when")}</dt>
        <dd>
          <time dateTime={event.startsAt}>{event.when}</time>
        </dd>
      </div>
      <div>
        <dt>{t("events.where")}</dt>
        <dd>
          {event.mode !== "online" ? <span className="lr-block">{place}</span> : null}
          {event.mode !== "on_site" ? (
            <span className="lr-block">{t("events.onlineNote")}</span>
          ) : null}
        </dd>
      </div>
      {event.organisers ? (
        <div>
          <dt>{t("events.organisers")}</dt>
          <dd className="lr-plain">{event.organisers}</dd>
        </div>
      ) : null}
      {event.facilitators ? (
        <div>
          <dt>{t("events.facilitators")}</dt>
          <dd className="lr-plain">{event.facilitators}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t("events.costs")}</dt>
        <dd className="lr-plain">{event.costNote || t("events.free")}</dd>
      </div>
      <div>
        <dt>{t("events.places")}</dt>
        <dd>
          <PlacesText
            capacity={event.capacity}
            placesLeft={event.placesLeft}
            waitlist={event.waitlist}
          />
        </dd>
      </div>
      {event.deadline ? (
        <div>
          <dt>{t("events.deadlineTitle")}</dt>
          <dd>{t("events.deadline", { when: event.deadline })}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export default function PublicEvent({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { region, event, series, state, invitation, registered } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const values = actionData && "values" in actionData ? actionData.values : {};
  const base = `/r/${region.slug}/events/${event.slug}`;
  const canRegister = state === "open" || state === "waitlist";
  const notice: Record<string, string> = {
    started: t("events.started"),
    closed: t("events.closed"),
    deadlinePassed: t("events.deadlinePassed"),
    full: t("events.full"),
    invitationOnly: t("events.invitationOnly"),
  };
  return (
    <PublicRegionShell region={region}>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/r/${region.slug}/events`}>
          {t("events.backToAgenda")}
        </Link>
      </p>
      <p className="lr-event-kind">{t(`events.kinds.${event.kind}`)}</p>
      <h1 className="utrecht-heading-1">{event.title}</h1>
      {state === "cancelled" ? (
        <div className="utrecht-alert utrecht-alert--warning">
          <p className="utrecht-paragraph">{t("events.cancelledEvent")}</p>
        </div>
      ) : null}
      {event.summary ? (
        <p className="utrecht-paragraph utrecht-paragraph--lead lr-plain">{event.summary}</p>
      ) : null}
      <Facts event={event} />
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={`${base}/calendar.ics`} download>
          {t("events.addToCalendar")}
        </a>
      </p>
      {event.programme ? (
        <section className="lr-event-section" aria-labelledby="programme">
          <h2 className="utrecht-heading-2" id="programme">
            {t("events.programme")}
          </h2>
          <PlainText text={event.programme} />
        </section>
      ) : null}
      {series ? (
        <section className="lr-event-section" aria-labelledby="series">
          <h2 className="utrecht-heading-2" id="series">
            {t("events.series")}{" "}
            <Link className="utrecht-link" to={`/r/${region.slug}/series/${series.slug}`}>
              {series.title}
            </Link>
          </h2>
          <ul className="utrecht-unordered-list">
            {series.events.map((e) => (
              <li className="utrecht-unordered-list__item" key={e.slug}>
                {e.current ? (
                  <span aria-current="page">
                    {e.title} ({e.when})
                  </span>
                ) : (
                  <>
                    <Link className="utrecht-link" to={`/r/${region.slug}/events/${e.slug}`}>
                      {e.title}
                    </Link>{" "}
                    ({e.when})
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {state === "cancelled" ? null : (
        <section className="lr-event-section" aria-labelledby="register">
          <h2 className="utrecht-heading-2" id="register">
            {t("events.registerTitle")}
          </h2>
          {registered ? (
            <>
              <Notice>
                {registered === "waitlisted"
                  ? t("events.registeredWaitlist")
                  : t("events.registered")}{" "}
                {t("events.registeredAgain")}
              </Notice>
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to={base}>
                  {t("events.registerAnother")}
                </Link>
              </p>
            </>
          ) : canRegister ? (
            <>
              {state === "waitlist" ? (
                <p className="utrecht-paragraph">{t("events.fullWaitlist")}</p>
              ) : null}
              <RegistrationForm
                region={region}
                retentionMonths={region.retentionMonths}
                questions={event.questions}
                values={values}
                errors={fieldErrors}
                error={error}
                invitation={invitation}
                waitlist={state === "waitlist"}
              />
            </>
          ) : (
            <RegistrationClosed error={error} reason={notice[state]} />
          )}
        </section>
      )}
    </PublicRegionShell>
  );
}
