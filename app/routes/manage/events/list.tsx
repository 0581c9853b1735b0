import { Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/list";
import { formatEventTime } from "../../../../core/kernel/time.ts";
import { listEvents, listSeries } from "../../../../core/events/queries.ts";
import { createSeries } from "../../../../core/events/createSeries.ts";
import { eventPolicy } from "../../../../core/events/policy.ts";
import { may } from "../../../../core/kernel/scope.ts";
import {
  Field,
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import {
  getRequestInfo,
  refusedChange,
  requestT,
  requireRegion,
} from "../../../lib/request.server.ts";
import { placesText } from "./components.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  // Facilitators see the list too: it is their way to the check-in on the day.
  const { scope, region } = await requireRegion(request, context, params.slug, eventPolicy.list);
  const canEdit = may(scope, eventPolicy.manage);
  const { locale } = getRequestInfo(context);
  const [events, series] = await Promise.all([listEvents(scope), listSeries(scope)]);
  const now = Date.now();
  const rows = events.map((e) => ({
    id: e.id,
    title: e.title,
    kind: e.kind,
    status: e.status,
    when: formatEventTime(e.starts_at, e.ends_at, locale),
    startsIso: new Date(e.starts_at).toISOString(),
    upcoming: new Date(e.ends_at).getTime() > now,
    confirmed: e.confirmed,
    waitlisted: e.waitlisted,
    capacity: e.capacity,
    registrationClosed: e.registration_closed,
    series: e.series_title ?? "",
  }));
  return {
    region: { slug: region.slug, name: region.name },
    // Upcoming: the next one first; past: the latest first (the query gives latest first).
    upcoming: rows.filter((r) => r.upcoming).reverse(),
    past: rows.filter((r) => !r.upcoming),
    series: canEdit
      ? series.map((s) => ({
          id: s.id,
          title: s.title,
          mode: s.registration_mode,
          count: events.filter((e) => e.series_id === s.id).length,
        }))
      : [],
    canEdit,
    title: `${requestT(context)("eventsAdmin.title")} · ${region.name}`,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    eventPolicy.createSeries,
  );
  const sent = formObject(await request.formData());
  const result = await createSeries(scope, sent);
  if (!result.ok)
    return refusedChange(context, result, "createSeries", {
      title: String(sent.title ?? "").slice(0, 1000),
      description: String(sent.description ?? "").slice(0, 20_000),
      registrationMode: String(sent.registrationMode ?? ""),
    });
  return redirect(`/manage/${region.slug}/events?series=created#series`);
}

type EventRow = Route.ComponentProps["loaderData"]["upcoming"][number];

function EventTable({
  caption,
  rows,
  base,
  canEdit,
}: {
  caption: string;
  rows: EventRow[];
  base: string;
  canEdit: boolean;
}) {
  const t = useT();
  return (
    <DataTable
      caption={caption}
      columns={[
        t("eventsAdmin.columns.title"),
        t("eventsAdmin.columns.when"),
        t("eventsAdmin.columns.kind"),
        t("eventsAdmin.columns.status"),
        { label: t("eventsAdmin.columns.places"), numeric: true },
        { label: t("eventsAdmin.columns.waitlist"), numeric: true },
        t("eventsAdmin.columns.series"),
      ]}
    >
      {rows.map((e) => (
        <Row key={e.id}>
          <RowHeader>
            {canEdit ? (
              <Link className="utrecht-link" to={`${base}/${e.id}`}>
                {e.title}
              </Link>
            ) : (
              <Link className="utrecht-link" to={`${base}/${e.id}/checkin`}>
                {t("eventsAdmin.checkinLinkFor", { title: e.title })}
              </Link>
            )}
          </RowHeader>
          <Cell>
            <time dateTime={e.startsIso}>{e.when}</time>
          </Cell>
          <Cell>{t(`events.kinds.${e.kind}`)}</Cell>
          <Cell>
            {t(`eventsAdmin.statuses.${e.status}`)}
            {e.registrationClosed && e.status === "published"
              ? ` (${t("eventsAdmin.registrationClosedShort")})`
              : null}
          </Cell>
          <Cell numeric>{placesText(t, e.confirmed, e.capacity)}</Cell>
          <Cell numeric>{e.waitlisted}</Cell>
          <Cell>{e.series}</Cell>
        </Row>
      ))}
    </DataTable>
  );
}

export default function EventsList({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { region, upcoming, past, series, canEdit } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const base = `/manage/${region.slug}/events`;
  const values = actionData?.values;
  return (
    <>
      <h1 className="utrecht-heading-1">{t("eventsAdmin.title")}</h1>
      <p className="utrecht-paragraph">
        {canEdit ? t("eventsAdmin.intro") : t("eventsAdmin.introFacilitator")}
      </p>
      {canEdit ? (
        <p className="lr-actions">
          <Link
            className="utrecht-button-link utrecht-button-link--primary-action"
            to={`${base}/new`}
          >
            {t("eventsAdmin.new")}
          </Link>
        </p>
      ) : null}

      <section className="lr-section" aria-labelledby="events-upcoming">
        <h2 className="utrecht-heading-2" id="events-upcoming">
          {t("eventsAdmin.upcoming")}
        </h2>
        {upcoming.length === 0 ? (
          <p className="utrecht-paragraph">{t("eventsAdmin.noUpcoming")}</p>
        ) : (
          <EventTable
            caption={t("eventsAdmin.upcomingCaption")}
            rows={upcoming}
            base={base}
            canEdit={canEdit}
          />
        )}
      </section>

      <section className="lr-section" aria-labelledby="events-past">
        <h2 className="utrecht-heading-2" id="events-past">
          {t("eventsAdmin.past")}
        </h2>
        {past.length === 0 ? (
          <p className="utrecht-paragraph">{t("eventsAdmin.noPast")}</p>
        ) : (
          <EventTable
            caption={t("eventsAdmin.pastCaption")}
            rows={past}
            base={base}
            canEdit={canEdit}
          />
        )}
      </section>

      {canEdit ? (
        <section className="lr-section" aria-labelledby="series-title" id="series">
          <h2 className="utrecht-heading-2" id="series-title">
            {t("eventsAdmin.seriesTitle")}
          </h2>
          <p className="utrecht-paragraph">{t("eventsAdmin.seriesIntro")}</p>
          {params.get("series") === "created" ? (
            <Notice>{t("eventsAdmin.seriesCreated")}</Notice>
          ) : null}
          {series.length === 0 ? (
            <p className="utrecht-paragraph">{t("eventsAdmin.seriesNone")}</p>
          ) : (
            <DataTable
              caption={t("eventsAdmin.seriesCaption")}
              columns={[
                t("eventsAdmin.seriesName"),
                t("eventsAdmin.seriesMode"),
                { label: t("eventsAdmin.title"), numeric: true },
              ]}
            >
              {series.map((s) => (
                <Row key={s.id}>
                  <RowHeader>{s.title}</RowHeader>
                  <Cell>{t(`eventsAdmin.seriesModes.${s.mode}`)}</Cell>
                  <Cell numeric>{s.count}</Cell>
                </Row>
              ))}
            </DataTable>
          )}
          <h3 className="utrecht-heading-3" id="new-series">
            {t("eventsAdmin.newSeries")}
          </h3>
          <PostForm className="lr-form" noValidate aria-labelledby="new-series">
            <input type="hidden" name="_intent" value="createSeries" />
            <FormError error={error} />
            <Field
              name="title"
              label={t("eventsAdmin.seriesName")}
              defaultValue={values?.title}
              required
              maxLength={200}
              errors={fieldErrors}
            />
            <Field
              name="description"
              label={t("eventsAdmin.seriesDescription")}
              defaultValue={values?.description}
              maxLength={10_000}
              multiline
              rows={3}
              errors={fieldErrors}
            />
            <SelectField
              name="registrationMode"
              label={t("eventsAdmin.seriesMode")}
              options={[
                { value: "event", label: t("eventsAdmin.seriesModes.event") },
                { value: "series", label: t("eventsAdmin.seriesModes.series") },
              ]}
              defaultValue={values?.registrationMode || "event"}
              errors={fieldErrors}
            />
            <SubmitButton kind="secondary">{t("eventsAdmin.seriesCreate")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}
