import { data, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/registrations";
import {
  answerLines,
  eventRegistrations,
  parseRegistrationFilter,
} from "../../../../core/events/adminQueries.ts";
import { cancelByOrganiser } from "../../../../core/events/cancelByOrganiser.ts";
import { messageRegistrants } from "../../../../core/events/messageRegistrants.ts";
import { eventPolicy } from "../../../../core/events/policy.ts";
import { findEvent } from "../../../../core/events/queries.ts";
import { FormError, Notice, useFieldErrors } from "../../../components/form.tsx";
import { formatDateTime, isoDate } from "../../../lib/format.ts";
import { intent } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import {
  getRequestInfo,
  getServices,
  notFound,
  refusedChange,
  requestT,
  requireRegion,
} from "../../../lib/request.server.ts";
import { deliverSoon } from "./deliver.server.ts";
import { RegistrantsMessage } from "./RegistrantsMessage.tsx";
import { RegistrationsFilter } from "./RegistrationsFilter.tsx";
import { RegistrationsTable } from "./RegistrationsTable.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, eventPolicy.manage);
  const event = await findEvent(scope, params.id);
  if (!event) notFound(context);
  const { locale } = getRequestInfo(context);
  const t = requestT(context);
  const filter = parseRegistrationFilter(new URL(request.url).searchParams);
  const rows = await eventRegistrations(scope, event.id, filter);
  const words = { yes: t("app.yes"), no: t("app.no") };
  return {
    region: { slug: region.slug },
    event: { id: event.id, title: event.title, total: event.confirmed + event.waitlisted },
    filter,
    filtered: filter.q !== "" || filter.status !== "" || filter.sector !== "",
    registrations: rows.map((r) => ({
      id: r.id,
      erased: r.anonymised_at !== null,
      name: r.name,
      email: r.anonymised_at === null ? r.email : "",
      organisation: r.organisation,
      sector: r.sector,
      role: r.role,
      answers: answerLines(event.questions, r.answers, words),
      diet: r.diet,
      accessibility: r.accessibility,
      status: r.status,
      waitlistPosition: r.waitlistPosition,
      checkedIn: r.checked_in_at ? formatDateTime(r.checked_in_at, locale) : null,
      checkedInIso: r.checked_in_at ? isoDate(r.checked_in_at) : null,
    })),
    title: `${t("eventsAdmin.registrationsHeading", { title: event.title })} · ${region.name}`,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, eventPolicy.manage);
  const event = await findEvent(scope, params.id);
  if (!event) notFound(context);
  const { publicUrl } = getServices(context).config;
  const form = await request.formData();
  const page = `/manage/${region.slug}/events/${event.id}/registrations`;
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  switch (intent(form)) {
    case "cancelRegistration": {
      // Only a registration of this event: another event's or region's id is "not found".
      const result = await cancelByOrganiser(scope, event.id, field("registrationId"), {
        publicUrl,
      });
      if (!result.ok) return refusedChange(context, result, "cancelRegistration", undefined);
      deliverSoon(context);
      return redirect(
        `${page}?done=${result.value.promoted > 0 ? "cancelledPromoted" : "cancelled"}`,
      );
    }
    case "message": {
      const values = {
        subject: field("subject").slice(0, 1000),
        body: field("body").slice(0, 20_000),
        audience: field("audience"),
      };
      const result = await messageRegistrants(scope, event.id, values, { publicUrl });
      if (!result.ok) return refusedChange(context, result, "message", values);
      deliverSoon(context);
      return redirect(`${page}?done=messageSent&n=${result.value.sent}#message`);
    }
    default:
      return data(
        { ok: false as const, error: { key: "errors.badRequest" }, intent: "unknown" as const },
        { status: 400 },
      );
  }
}

/** The list's filters as a query string, so an export holds the same rows as the list. */
function filterQuery(filter: { q: string; status: string; sector: string }): string {
  const kept = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) kept.set(k, v);
  const s = kept.toString();
  return s ? `?${s}` : "";
}

export default function Registrations({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { region, event, filter, filtered, registrations } = loaderData;
  const cancel = useFieldErrors(
    actionData?.intent === "cancelRegistration" ? actionData : undefined,
  );
  const message = useFieldErrors(actionData?.intent === "message" ? actionData : undefined);
  const messageValues =
    actionData?.intent === "message"
      ? (actionData.values as { subject: string; body: string; audience: string } | undefined)
      : undefined;
  const eventPage = `/manage/${region.slug}/events/${event.id}`;
  const base = `${eventPage}/registrations`;
  const done = params.get("done");
  const n = Number(params.get("n") ?? 0) || 0;
  return (
    <>
      <p className="lr-breadcrumb">
        <Link className="utrecht-link" to={eventPage}>
          {t("eventsAdmin.backToEvent")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">
        {t("eventsAdmin.registrationsHeading", { title: event.title })}
      </h1>
      {done === "cancelled" ? <Notice>{t("eventsAdmin.registrationCancelled")}</Notice> : null}
      {done === "cancelledPromoted" ? (
        <Notice>{t("eventsAdmin.registrationCancelledPromoted")}</Notice>
      ) : null}
      <FormError error={cancel.error} />

      <RegistrationsFilter filter={filter} filtered={filtered} base={base} />

      <h2 className="utrecht-heading-2">{t("eventsAdmin.registrationsTitle")}</h2>
      <p className="utrecht-paragraph" role="status">
        {t("eventsAdmin.resultCount", { count: registrations.length })}
      </p>
      {registrations.length > 0 ? (
        <p className="lr-actions">
          <a
            className="utrecht-link"
            href={`${eventPage}/registrations.csv${filterQuery(filter)}`}
            download
          >
            {t("eventsAdmin.exportCsv")}
          </a>
          <a
            className="utrecht-link"
            href={`${eventPage}/registrations.xlsx${filterQuery(filter)}`}
            download
          >
            {t("eventsAdmin.exportXlsx")}
          </a>
        </p>
      ) : null}
      <RegistrationsTable registrations={registrations} event={event} filtered={filtered} />

      <RegistrantsMessage message={message} messageValues={messageValues} done={done} n={n} />
    </>
  );
}
