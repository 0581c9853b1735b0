import { data, Form, Link, redirect, useParams } from "react-router";
import type { Route } from "./+types/registration";
import { cancelRegistration } from "../../../core/events/cancelRegistration.ts";
import { eraseRegistration } from "../../../core/events/eraseRegistration.ts";
import { publicEventRegion, registrationByToken } from "../../../core/events/publicPages.ts";
import { formatEventTime } from "../../../core/kernel/time.ts";
import { PublicRegionShell } from "../../components/events/public.tsx";
import {
  FormError,
  Notice,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../../components/form.tsx";
import { intent } from "../../lib/form.server.ts";
import { useT } from "../../lib/i18n.ts";
import { getRequestInfo, getServices, refused, requestT } from "../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [
    { title: loaderData?.pageTitle },
    // The link is personal: not for search engines, and not passed on to other sites.
    { name: "robots", content: "noindex, nofollow" },
    { name: "referrer", content: "no-referrer" },
  ];
}

export function headers() {
  return { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };
}

function linkInvalid(context: Route.LoaderArgs["context"]): never {
  throw data({ message: requestT(context)("events.linkInvalid") }, { status: 404 });
}

/**
 * The page behind the link in every mail about a registration: no account, the signed link is
 * the key. A forged link, or one whose registration was erased or anonymised, is a 404.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const { locale } = getRequestInfo(context);
  const reg = await registrationByToken(db, params.token);
  if (!reg) linkInvalid(context);
  const region = await publicEventRegion(db, reg.region_slug);
  if (!region) linkInvalid(context);
  const started = new Date(reg.starts_at).getTime() <= Date.now();
  return {
    pageTitle: `${requestT(context)("events.myRegistration")} · ${reg.title}`,
    region: {
      slug: region.slug,
      name: region.name,
      hasLogo: region.logo_mime !== null,
      primaryColor: region.primary_color,
    },
    registration: {
      name: reg.name,
      email: reg.email,
      status: reg.status,
    },
    event: {
      slug: reg.slug,
      title: reg.title,
      when: formatEventTime(reg.starts_at, reg.ends_at, locale),
      startsAt: new Date(reg.starts_at).toISOString(),
      mode: reg.mode,
      place: [reg.room, reg.address].filter(Boolean).join(", "),
      // Only a person with a place gets the link to take part online.
      onlineUrl: reg.status === "confirmed" && reg.mode !== "on_site" ? reg.online_url : "",
      started,
    },
    cancelled: new URL(request.url).searchParams.get("cancelled") === "1",
    // "Afzeggen" asks first (a plain GET, so also without JavaScript); only this step cancels.
    confirmCancel: new URL(request.url).searchParams.get("confirm") === "cancel",
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, mailer, config } = getServices(context);
  const form = await request.formData();
  const opts = { publicUrl: config.publicUrl };
  if (intent(form) === "erase") {
    const reg = await registrationByToken(db, params.token);
    const erased = await eraseRegistration(db, params.token, opts);
    if (!erased.ok) return refused(context, erased);
    void mailer.kick();
    return redirect(
      `/registration/erased${reg ? `?r=${encodeURIComponent(reg.region_slug)}` : ""}`,
    );
  }
  if (intent(form) === "cancel") {
    const cancelled = await cancelRegistration(db, params.token, opts);
    if (!cancelled.ok) return refused(context, cancelled);
    void mailer.kick();
    return redirect(`/registration/${params.token}?cancelled=1`);
  }
  return data({ ok: false as const, error: { key: "validation.invalid" } }, { status: 400 });
}

export default function MyRegistration({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { region, registration, event, cancelled, confirmCancel } = loaderData;
  const { token } = useParams();
  const { error } = useFieldErrors(actionData);
  const canCancel = registration.status !== "cancelled" && !event.started;
  return (
    <PublicRegionShell region={region}>
      <h1 className="utrecht-heading-1">{t("events.myRegistration")}</h1>
      <FormError error={error} />
      {cancelled ? <Notice>{t("events.cancelledDone")}</Notice> : null}
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {t("events.statusLine", {
          title: event.title,
          status: t(`events.statuses.${registration.status}`),
        })}
      </p>
      <dl className="lr-event-facts">
        <div>
          <dt>{t("events.eventTitle")}</dt>
          <dd>
            <Link className="utrecht-link" to={`/r/${region.slug}/events/${event.slug}`}>
              {event.title}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t("events.when")}</dt>
          <dd>
            <time dateTime={event.startsAt}>{event.when}</time>
          </dd>
        </div>
        <div>
          <dt>{t("events.where")}</dt>
          <dd>
            {event.mode !== "online" ? <span className="lr-block">{event.place}</span> : null}
            {event.mode !== "on_site" ? (
              event.onlineUrl ? (
                <span className="lr-block">
                  {t("events.onlineLink")}:{" "}
                  <a className="utrecht-link" href={event.onlineUrl} rel="noreferrer">
                    {event.onlineUrl}
                  </a>
                </span>
              ) : (
                <span className="lr-block">{t("events.onlineLinkLater")}</span>
              )
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t("events.name")}</dt>
          <dd>{registration.name}</dd>
        </div>
        <div>
          <dt>{t("events.email")}</dt>
          <dd>{registration.email}</dd>
        </div>
      </dl>
      <p className="utrecht-paragraph">
        <a className="utrecht-link" href={`/registration/${token}/data.json`} download>
          {t("events.myData")}
        </a>
      </p>
      {registration.status === "confirmed" ? (
        <p className="utrecht-paragraph">
          <a
            className="utrecht-link"
            href={`/r/${region.slug}/events/${event.slug}/calendar.ics`}
            download
          >
            {t("events.addToCalendar")}
          </a>
        </p>
      ) : null}
      {canCancel ? (
        <section className="lr-event-section" aria-labelledby="cancel">
          <h2 className="utrecht-heading-2" id="cancel">
            {t("events.cancelTitle")}
          </h2>
          {confirmCancel ? (
            <div className="utrecht-alert utrecht-alert--warning" role="alert">
              <h3 className="utrecht-heading-3">{t("events.cancelConfirmTitle")}</h3>
              <p className="utrecht-paragraph">
                {registration.status === "waitlisted"
                  ? t("events.cancelConfirmWaitlist")
                  : t("events.cancelConfirmPlace")}
              </p>
              <PostForm>
                <SubmitButton name="_intent" value="cancel" kind="danger">
                  {t("events.cancelConfirmButton")}
                </SubmitButton>
              </PostForm>
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to={`/registration/${token}`}>
                  {t("events.cancelKeep")}
                </Link>
              </p>
            </div>
          ) : (
            <>
              <p className="utrecht-paragraph">{t("events.cancelHint")}</p>
              <Form method="get">
                <input type="hidden" name="confirm" value="cancel" />
                <button type="submit" className="utrecht-button utrecht-button--secondary-action">
                  {t("events.cancelButton")}
                </button>
              </Form>
            </>
          )}
        </section>
      ) : null}
      <section className="lr-event-section" aria-labelledby="erase">
        <h2 className="utrecht-heading-2" id="erase">
          {t("events.eraseTitle")}
        </h2>
        <p className="utrecht-paragraph">{t("events.eraseHint")}</p>
        <PostForm>
          <SubmitButton name="_intent" value="erase" kind="danger">
            {t("events.eraseButton")}
          </SubmitButton>
        </PostForm>
      </section>
    </PublicRegionShell>
  );
}
