import { Link, redirect } from "react-router";
import type { Route } from "./+types/series";
import {
  openness,
  publicEvent,
  publicEventRegion,
  publicSeries,
  seriesEvents,
} from "../../../../core/events/publicPages.ts";
import { registerForSeries } from "../../../../core/events/register.ts";
import { formatEventTime } from "../../../../core/kernel/time.ts";
import {
  PlainText,
  PublicRegionShell,
  RegistrationClosed,
  RegistrationForm,
  sentValues,
} from "../../../components/events/public.tsx";
import { Notice, useFieldErrors } from "../../../components/form.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { refusedRegistration, tooManyRegistrations } from "../../../lib/registration.server.ts";
import { getRequestInfo, getServices, notFound } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

async function find(context: Route.LoaderArgs["context"], slug: string, seriesSlug: string) {
  const { db } = getServices(context);
  const region = await publicEventRegion(db, slug);
  if (!region) notFound(context);
  const series = await publicSeries(db, region.id, seriesSlug);
  if (!series) notFound(context);
  const events = await seriesEvents(db, series.id);
  // A series with nothing published is not public yet.
  if (events.length === 0) notFound(context);
  const now = Date.now();
  const next = events.find((e) => new Date(e.starts_at).getTime() > now);
  // The form asks what the first session asks, and is open while that session is.
  const first = next ? await publicEvent(db, region.id, next.slug) : null;
  return { region, series, events, first };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { region, series, events, first } = await find(context, params.slug, params.seriesSlug);
  const { locale } = getRequestInfo(context);
  const now = Date.now();
  return {
    pageTitle: `${series.title} · ${region.name}`,
    region: {
      slug: region.slug,
      name: region.name,
      hasLogo: region.logo_mime !== null,
      primaryColor: region.primary_color,
      retentionMonths: region.retention_months,
    },
    series: {
      title: series.title,
      description: series.description,
      wholeSeries: series.registration_mode === "series",
    },
    events: events.map((e) => ({
      slug: e.slug,
      title: e.title,
      when: formatEventTime(e.starts_at, e.ends_at, locale),
      startsAt: new Date(e.starts_at).toISOString(),
      past: new Date(e.starts_at).getTime() <= now,
    })),
    questions: first?.questions ?? [],
    state: first ? openness(first, { hasInvitation: true }) : ("started" as const),
    registered: new URL(request.url).searchParams.get("registered") === "series",
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { region, series } = await find(context, params.slug, params.seriesSlug);
  if (series.registration_mode !== "series") notFound(context);
  const { db, mailer, config } = getServices(context);
  const { locale } = getRequestInfo(context);
  const sent = formObject(await request.formData());
  const values = sentValues(sent);
  const tooMany = await tooManyRegistrations(context, sent, values);
  if (tooMany) return tooMany;
  const result = await registerForSeries(db, series.id, sent, {
    publicUrl: config.publicUrl,
    language: locale,
  });
  if (!result.ok) return refusedRegistration(context, result, values);
  void mailer.kick();
  return redirect(`/r/${region.slug}/series/${params.seriesSlug}?registered=series`);
}

export function headers() {
  return { "Cache-Control": "no-store" };
}

export default function PublicSeries({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { region, series, events, questions, state, registered } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const values = actionData && "values" in actionData ? actionData.values : {};
  const notice: Record<string, string> = {
    cancelled: t("events.cancelledEvent"),
    started: t("events.notOpen"),
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
      <p className="lr-event-kind">{t("events.seriesKind")}</p>
      <h1 className="utrecht-heading-1">{series.title}</h1>
      <PlainText text={series.description} />
      <section className="lr-event-section" aria-labelledby="series-events">
        <h2 className="utrecht-heading-2" id="series-events">
          {t("events.seriesEvents")}
        </h2>
        <ul className="utrecht-unordered-list">
          {events.map((e) => (
            <li className="utrecht-unordered-list__item" key={e.slug}>
              <Link className="utrecht-link" to={`/r/${region.slug}/events/${e.slug}`}>
                {e.title}
              </Link>{" "}
              (<time dateTime={e.startsAt}>{e.when}</time>)
              {e.past ? ` · ${t("events.past")}` : null}
            </li>
          ))}
        </ul>
      </section>
      {series.wholeSeries ? (
        <section className="lr-event-section" aria-labelledby="register">
          <h2 className="utrecht-heading-2" id="register">
            {t("events.registerSeriesTitle")}
          </h2>
          {registered ? (
            <Notice>
              {t("events.registeredSeries")} {t("events.registeredAgain")}
            </Notice>
          ) : state === "open" || state === "waitlist" ? (
            <>
              <p className="utrecht-paragraph">{t("events.seriesRegistration")}</p>
              <RegistrationForm
                region={region}
                retentionMonths={region.retentionMonths}
                questions={questions}
                values={values}
                errors={fieldErrors}
                error={error}
                waitlist={state === "waitlist"}
              />
            </>
          ) : (
            <RegistrationClosed error={error} reason={notice[state]} />
          )}
        </section>
      ) : null}
    </PublicRegionShell>
  );
}
