import { Form, Link, useSearchParams } from "react-router";
import type { Route } from "./+types/list";
import { listOrganisations, parseOrganisationFilters } from "../../../../core/people/queries.ts";
import { SECTORS } from "../../../../core/kernel/sectors.ts";
import { may } from "../../../../core/kernel/scope.ts";
import { peoplePolicy } from "../../../../core/people/policy.ts";
import {
  Field,
  Notice,
  SelectField,
  SubmitButton,
  useTranslatedOptions,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { useT } from "../../../lib/i18n.ts";
import { requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    peoplePolicy.viewOrganisations,
  );
  const { q, sector } = parseOrganisationFilters(new URL(request.url).searchParams);
  const organisations = await listOrganisations(scope, { q, sector });
  return {
    region: { slug: region.slug, name: region.name },
    organisations,
    filtered: q !== "" || sector !== "",
    canEdit: may(scope, peoplePolicy.createOrganisation),
    canSeePeople: may(scope, peoplePolicy.viewPeople),
    title: `${requestT(context)("organisations.title")} · ${region.name}`,
  };
}

export default function Organisations({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { region, organisations, filtered, canEdit, canSeePeople } = loaderData;
  const [params] = useSearchParams();
  const sectors = useTranslatedOptions("sectors", SECTORS);
  const base = `/manage/${region.slug}/organisations`;
  return (
    <>
      <h1 className="utrecht-heading-1">{t("organisations.title")}</h1>
      <p className="utrecht-paragraph">{t("organisations.intro")}</p>
      {params.get("deleted") ? <Notice>{t("organisations.deleted")}</Notice> : null}
      {canEdit ? (
        <p className="lr-actions">
          <Link
            className="utrecht-button-link utrecht-button-link--primary-action"
            to={`${base}/new`}
          >
            {t("organisations.new")}
          </Link>
        </p>
      ) : null}

      <Form
        method="get"
        role="search"
        className="lr-filters"
        aria-labelledby="organisations-filter-heading"
      >
        <h2 className="lr-visually-hidden" id="organisations-filter-heading">
          {t("organisations.filterTitle")}
        </h2>
        <Field
          name="q"
          type="search"
          label={t("organisations.search")}
          defaultValue={params.get("q")}
        />
        <SelectField
          name="sector"
          label={t("organisations.sector")}
          options={sectors}
          emptyLabel={t("organisations.allSectors")}
          defaultValue={params.get("sector")}
        />
        <div className="lr-actions">
          <SubmitButton kind="secondary">{t("organisations.applyFilter")}</SubmitButton>
          {filtered ? (
            <Link className="utrecht-link" to={base}>
              {t("organisations.clearFilter")}
            </Link>
          ) : null}
        </div>
      </Form>

      {organisations.length === 0 ? (
        <p className="utrecht-paragraph" role="status">
          {filtered ? t("organisations.noMatches") : t("organisations.empty")}
        </p>
      ) : (
        <DataTable
          caption={t("organisations.listCaption", { count: organisations.length })}
          columns={[
            t("organisations.name"),
            t("organisations.sector"),
            t("organisations.website"),
            { label: t("organisations.people"), numeric: true },
          ]}
        >
          {organisations.map((o) => (
            <Row key={o.id}>
              <RowHeader>
                <Link className="utrecht-link" to={`${base}/${o.id}`}>
                  {o.name}
                </Link>
              </RowHeader>
              <Cell>{t(`sectors.${o.sector}`)}</Cell>
              <Cell>
                {o.website ? (
                  <a className="utrecht-link" href={o.website} rel="noopener noreferrer">
                    {o.website.replace(/^https?:\/\//, "")}
                  </a>
                ) : null}
              </Cell>
              <Cell numeric>
                {canSeePeople && o.people > 0 ? (
                  <Link
                    className="utrecht-link"
                    to={`/manage/${region.slug}/people?organisation=${o.id}`}
                    aria-label={t("organisations.peopleOf", { count: o.people, name: o.name })}
                  >
                    {o.people}
                  </Link>
                ) : (
                  o.people
                )}
              </Cell>
            </Row>
          ))}
        </DataTable>
      )}
    </>
  );
}
