import { Link, redirect } from "react-router";
import type { Route } from "./+types/new";
import { createEvent } from "../../../../core/events/createEvent.ts";
import { eventPolicy } from "../../../../core/events/policy.ts";
import { listSeries } from "../../../../core/events/queries.ts";
import { FormError, PostForm, SubmitButton, useFieldErrors } from "../../../components/form.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { useLocale, useT } from "../../../lib/i18n.ts";
import { refusedChange, requestT, requireRegion } from "../../../lib/request.server.ts";
import { emptyEventValues, EventFields, sentEventValues } from "./components.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    eventPolicy.createEvent,
  );
  const series = await listSeries(scope);
  return {
    region: { slug: region.slug },
    series: series.map((s) => ({ id: s.id, title: s.title })),
    title: `${requestT(context)("eventsAdmin.new")} · ${region.name}`,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    eventPolicy.createEvent,
  );
  const sent = formObject(await request.formData());
  const result = await createEvent(scope, sent);
  if (!result.ok) return refusedChange(context, result, "create", sentEventValues(sent));
  return redirect(`/manage/${region.slug}/events/${result.value.id}?done=created`);
}

export default function NewEvent({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const locale = useLocale();
  const { fieldErrors, error } = useFieldErrors(actionData);
  const { region, series } = loaderData;
  return (
    <>
      <p className="lr-breadcrumb">
        <Link className="utrecht-link" to={`/manage/${region.slug}/events`}>
          {t("eventsAdmin.backToList")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("eventsAdmin.new")}</h1>
      <p className="utrecht-paragraph">{t("eventsAdmin.createHint")}</p>
      <PostForm className="lr-form" noValidate>
        <FormError error={error} />
        <EventFields
          values={actionData?.values ?? emptyEventValues(locale)}
          errors={fieldErrors}
          series={series}
        />
        <div className="lr-actions">
          <SubmitButton>{t("eventsAdmin.create")}</SubmitButton>
          <Link className="utrecht-link" to={`/manage/${region.slug}/events`}>
            {t("app.cancel")}
          </Link>
        </div>
      </PostForm>
    </>
  );
}
