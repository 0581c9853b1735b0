import { useState } from "react";
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/checkin";
import { checkinList } from "../../../../core/events/adminQueries.ts";
import { eventPolicy } from "../../../../core/events/policy.ts";
import { setCheckedIn } from "../../../../core/events/setCheckedIn.ts";
import { findEvent } from "../../../../core/events/queries.ts";
import { formatEventTime, formatMoment } from "../../../../core/kernel/time.ts";
import { may } from "../../../../core/kernel/scope.ts";
import { PostForm, SubmitButton } from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { isoDate } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.ts";
import {
  getRequestInfo,
  notFound,
  refusedChange,
  requestT,
  requireRegion,
} from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

const time = (date: Date | string, locale: "nl" | "en") => formatMoment(date, locale, "time");

export async function loader({ request, params, context }: Route.LoaderArgs) {
  // Facilitators run the door on the day, so they may use this page (and only this one).
  const { scope, region } = await requireRegion(request, context, params.slug, eventPolicy.checkIn);
  const event = await findEvent(scope, params.id);
  if (!event) notFound(context);
  const { locale } = getRequestInfo(context);
  const people = await checkinList(scope, event.id);
  return {
    region: { slug: region.slug },
    event: {
      id: event.id,
      title: event.title,
      when: formatEventTime(event.starts_at, event.ends_at, locale),
      startsIso: isoDate(event.starts_at),
    },
    canOpenEvent: may(scope, eventPolicy.manage),
    q: (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200),
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      organisation: p.organisation,
      at: p.checked_in_at ? time(p.checked_in_at, locale) : null,
    })),
    title: `${requestT(context)("eventsAdmin.checkinHeading", { title: event.title })}`,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, eventPolicy.checkIn);
  const event = await findEvent(scope, params.id);
  if (!event) notFound(context);
  const form = await request.formData();
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const registrationId = field("registrationId");
  // Only someone with a place at this event: any other id is "not found".
  const result = await setCheckedIn(scope, event.id, registrationId, field("present") === "1");
  if (!result.ok) return refusedChange(context, result, "checkin", undefined);
  const q = field("q").slice(0, 200);
  return redirect(
    `/manage/${region.slug}/events/${event.id}/checkin${q ? `?q=${encodeURIComponent(q)}` : ""}#r-${registrationId}`,
  );
}

/** Lower case without accents: "Zoë" is found by "zoe". */
const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase("nl");

type Person = Route.ComponentProps["loaderData"]["people"][number];

function CheckinTable({ people, q }: { people: Person[]; q: string }) {
  const t = useT();
  // Without JavaScript the search form filters on the server's answer; with it, as you type.
  const [query, setQuery] = useState(q);
  const wanted = fold(query.trim());
  const shown = wanted
    ? people.filter((p) => fold(`${p.name} ${p.organisation}`).includes(wanted))
    : people;
  return (
    <>
      <Form method="get" role="search" className="lr-checkin__search">
        <div className="utrecht-form-field utrecht-form-field--text">
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="checkin-q">
              {t("eventsAdmin.checkinSearch")}
            </label>
          </div>
          <div className="utrecht-form-field__input lr-checkin__search-row">
            <input
              id="checkin-q"
              name="q"
              type="search"
              className="utrecht-textbox utrecht-textbox--html-input"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              maxLength={200}
              autoComplete="off"
            />
            <SubmitButton kind="secondary">{t("eventsAdmin.checkinSearchButton")}</SubmitButton>
          </div>
        </div>
        {q ? (
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to="?">
              {t("eventsAdmin.checkinShowAll")}
            </Link>
          </p>
        ) : null}
      </Form>
      {shown.length === 0 ? (
        <p className="utrecht-paragraph" role="status">
          {t("eventsAdmin.checkinNone")}
        </p>
      ) : (
        <DataTable
          caption={t("eventsAdmin.checkinCaption")}
          hideCaption
          columns={[
            t("eventsAdmin.regName"),
            t("eventsAdmin.regOrganisation"),
            t("eventsAdmin.regCheckedIn"),
            t("app.actions"),
          ]}
        >
          {shown.map((p) => (
            <Row key={p.id}>
              <RowHeader>
                <span id={`r-${p.id}`}>{p.name}</span>
              </RowHeader>
              <Cell>{p.organisation}</Cell>
              <Cell>
                {p.at ? (
                  <strong className="lr-checkin__present">
                    {t("eventsAdmin.checkinIsPresent")}{" "}
                    {t("eventsAdmin.checkedInAt", { time: p.at })}
                  </strong>
                ) : (
                  <span className="lr-muted">{t("eventsAdmin.checkinNotYet")}</span>
                )}
              </Cell>
              <Cell>
                <PostForm preventScrollReset>
                  <input type="hidden" name="_intent" value="checkin" />
                  <input type="hidden" name="registrationId" value={p.id} />
                  <input type="hidden" name="present" value={p.at ? "0" : "1"} />
                  <input type="hidden" name="q" value={q} />
                  <SubmitButton kind={p.at ? "secondary" : "primary"}>
                    {p.at ? t("eventsAdmin.checkinUndo") : t("eventsAdmin.checkinPresent")}
                    <span className="lr-visually-hidden">
                      {" "}
                      {t("eventsAdmin.checkinFor", { name: p.name })}
                    </span>
                  </SubmitButton>
                </PostForm>
              </Cell>
            </Row>
          ))}
        </DataTable>
      )}
    </>
  );
}

export default function Checkin({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { region, event, people, q, canOpenEvent } = loaderData;
  const attended = people.filter((p) => p.at !== null).length;
  const eventsPage = `/manage/${region.slug}/events`;
  return (
    <div className="lr-checkin">
      <p className="lr-breadcrumb">
        <Link className="utrecht-link" to={canOpenEvent ? `${eventsPage}/${event.id}` : eventsPage}>
          {canOpenEvent ? t("eventsAdmin.backToEvent") : t("eventsAdmin.backToList")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">
        {t("eventsAdmin.checkinHeading", { title: event.title })}
      </h1>
      <p className="utrecht-paragraph">
        <time dateTime={event.startsIso}>{event.when}</time>
      </p>
      <p className="lr-checkin__count" role="status">
        {t("eventsAdmin.checkinCount", { attended, confirmed: people.length })}
      </p>
      {people.length === 0 ? (
        <p className="utrecht-paragraph">{t("eventsAdmin.checkinEmpty")}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t("eventsAdmin.checkinIntro")}</p>
          <CheckinTable key={q} people={people} q={q} />
        </>
      )}
    </div>
  );
}
