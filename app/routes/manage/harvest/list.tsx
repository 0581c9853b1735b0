import { Link, redirect } from "react-router";
import type { Route } from "./+types/list";
import { harvestPolicy } from "../../../../core/harvest/policy.ts";
import { createHarvest } from "../../../../core/harvest/createHarvest.ts";
import { listHarvests } from "../../../../core/harvest/queries.ts";
import { may } from "../../../../core/kernel/scope.ts";
import { FormError, PostForm, SubmitButton, useFieldErrors } from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { formatDate, isoDate } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.ts";
import { getRequestInfo, refused, requestT, requireRegion } from "../../../lib/request.server.ts";
import { HarvestFields, sentHarvestValues } from "./components.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(request, context, params.slug, harvestPolicy.list);
  const { locale } = getRequestInfo(context);
  const harvests = await listHarvests(scope);
  return {
    region: { slug: region.slug, name: region.name },
    harvests: harvests.map((h) => ({
      id: h.id,
      title: h.title,
      formOpen: h.formOpen,
      contributions: h.contributions,
      created: formatDate(h.createdAt, locale),
      createdIso: isoDate(h.createdAt),
    })),
    canEdit: may(scope, harvestPolicy.manage),
    title: `${requestT(context)("harvest.title")} · ${region.name}`,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    harvestPolicy.manage,
  );
  const sent = formObject(await request.formData());
  const result = await createHarvest(scope, sent);
  if (!result.ok) return refused(context, result, { values: sentHarvestValues(sent) });
  return redirect(`/manage/${region.slug}/harvest/${result.value.id}?created=1`);
}

export default function Harvests({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { region, harvests, canEdit } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const base = `/manage/${region.slug}/harvest`;
  return (
    <>
      <h1 className="utrecht-heading-1">{t("harvest.title")}</h1>
      <p className="utrecht-paragraph">{t("harvest.intro")}</p>
      {harvests.length === 0 ? (
        <p className="utrecht-paragraph">{t("harvest.empty")}</p>
      ) : (
        <DataTable
          caption={t("harvest.listCaption", { region: region.name })}
          columns={[
            t("harvest.colTitle"),
            { label: t("harvest.colContributions"), numeric: true },
            t("harvest.colForm"),
            t("harvest.colCreated"),
          ]}
        >
          {harvests.map((h) => (
            <Row key={h.id}>
              <RowHeader>
                <Link className="utrecht-link" to={`${base}/${h.id}`}>
                  {h.title}
                </Link>
              </RowHeader>
              <Cell numeric>{h.contributions}</Cell>
              <Cell>{h.formOpen ? t("harvest.formIsOpen") : t("harvest.formIsClosed")}</Cell>
              <Cell>
                <time dateTime={h.createdIso}>{h.created}</time>
              </Cell>
            </Row>
          ))}
        </DataTable>
      )}
      {canEdit ? (
        <section className="lr-section" aria-labelledby="new-harvest">
          <h2 className="utrecht-heading-2" id="new-harvest">
            {t("harvest.newTitle")}
          </h2>
          <PostForm className="lr-form" noValidate>
            <FormError error={error} />
            <HarvestFields
              values={actionData && !actionData.ok ? actionData.values : undefined}
              errors={fieldErrors}
            />
            <SubmitButton>{t("harvest.create")}</SubmitButton>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}
