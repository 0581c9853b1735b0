import { Form, Link, useSearchParams } from "react-router";
import type { Route } from "./+types/list";
import {
  listPeople,
  organisationOptions,
  parsePage,
  parsePeopleFilters,
} from "../../../../core/people/queries.ts";
import { PERSPECTIVES, SECTORS } from "../../../../core/kernel/sectors.ts";
import { may } from "../../../../core/kernel/scope.ts";
import { peoplePolicy } from "../../../../core/people/policy.ts";
import {
  CheckboxField,
  Field,
  Notice,
  SelectField,
  SubmitButton,
  useTranslatedOptions,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { useT } from "../../../lib/i18n.ts";
import { requestT, requireRegion } from "../../../lib/request.server.ts";
import { Pagination } from "../../../components/Pagination.tsx";
import { PersonName } from "./components.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    peoplePolicy.viewPeople,
  );
  const url = new URL(request.url);
  const filters = parsePeopleFilters(url.searchParams);
  const [result, organisations] = await Promise.all([
    listPeople(scope, filters, parsePage(url.searchParams)),
    organisationOptions(scope),
  ]);
  return {
    region: { slug: region.slug, name: region.name },
    ...result,
    people: result.people.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      erased: p.erasedAt !== null,
      organisation: p.organisation,
      perspectives: p.perspectives,
      expertise: p.expertise,
    })),
    filters,
    filtered:
      filters.q !== "" ||
      filters.organisationId !== "" ||
      filters.sector !== "" ||
      filters.perspective !== "" ||
      filters.erased,
    organisations,
    canEdit: may(scope, peoplePolicy.addPerson),
    title: `${requestT(context)("people.title")} · ${region.name}`,
  };
}

/** The list's filters as a query string, so an export holds the same people as the list. */
function filterQuery(params: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const key of ["q", "organisation", "sector", "perspective"]) {
    const value = params.get(key);
    if (value) kept.set(key, value);
  }
  const s = kept.toString();
  return s ? `?${s}` : "";
}

export default function People({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { region, people, total, page, pageCount, filters, filtered, organisations, canEdit } =
    loaderData;
  const sectors = useTranslatedOptions("sectors", SECTORS);
  const perspectives = useTranslatedOptions("perspectives", PERSPECTIVES);
  const base = `/manage/${region.slug}/people`;
  const imported = params.get("imported") === "1";
  return (
    <>
      <h1 className="utrecht-heading-1">{t("people.title")}</h1>
      <p className="utrecht-paragraph">{t("people.intro")}</p>
      {imported ? (
        <Notice>
          {t("peopleImport.done", {
            created: Number(params.get("created") ?? 0),
            updated: Number(params.get("updated") ?? 0),
            skipped: Number(params.get("skipped") ?? 0),
          })}
        </Notice>
      ) : null}
      {canEdit ? (
        <p className="lr-actions">
          <Link
            className="utrecht-button-link utrecht-button-link--primary-action"
            to={`${base}/new`}
          >
            {t("people.new")}
          </Link>
          <Link
            className="utrecht-button-link utrecht-button-link--secondary-action"
            to={`${base}/import`}
          >
            {t("people.import")}
          </Link>
        </p>
      ) : null}

      <Form
        method="get"
        role="search"
        className="lr-filters"
        aria-labelledby="people-filter-heading"
      >
        <h2 className="utrecht-heading-2" id="people-filter-heading">
          {t("people.filterTitle")}
        </h2>
        <Field
          name="q"
          type="search"
          label={t("people.search")}
          defaultValue={filters.q}
          maxLength={200}
        />
        <div className="lr-filter-row">
          <SelectField
            name="organisation"
            label={t("people.organisation")}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            emptyLabel={t("people.allOrganisations")}
            defaultValue={filters.organisationId}
          />
          <SelectField
            name="sector"
            label={t("organisations.sector")}
            options={sectors}
            emptyLabel={t("people.allSectors")}
            defaultValue={filters.sector}
          />
          <SelectField
            name="perspective"
            label={t("people.perspective")}
            options={perspectives}
            emptyLabel={t("people.allPerspectives")}
            defaultValue={filters.perspective}
          />
        </div>
        {canEdit ? (
          <CheckboxField
            name="erased"
            label={t("people.showErased")}
            defaultChecked={filters.erased}
          />
        ) : null}
        <div className="lr-actions">
          <SubmitButton kind="secondary">{t("people.applyFilter")}</SubmitButton>
          {filtered ? (
            <Link className="utrecht-link" to={base}>
              {t("people.clearFilter")}
            </Link>
          ) : null}
        </div>
      </Form>

      <h2 className="utrecht-heading-2">{t("people.results")}</h2>
      <p className="utrecht-paragraph" role="status">
        {t("people.resultCount", { count: total })}
      </p>
      {canEdit && total > 0 ? (
        <p className="lr-actions">
          <a className="utrecht-link" href={`${base}/export.csv${filterQuery(params)}`} download>
            {t("people.exportCsv")}
          </a>
          <a className="utrecht-link" href={`${base}/export.xlsx${filterQuery(params)}`} download>
            {t("people.exportXlsx")}
          </a>
        </p>
      ) : null}
      {people.length === 0 ? (
        <p className="utrecht-paragraph">{filtered ? t("people.noMatches") : t("people.empty")}</p>
      ) : (
        <DataTable
          caption={t("people.listCaption", { page, pages: pageCount })}
          columns={[
            t("people.name"),
            t("people.email"),
            t("people.organisation"),
            t("people.perspectives"),
            t("people.expertise"),
          ]}
        >
          {people.map((p) => (
            <Row key={p.id}>
              <RowHeader>
                <Link className="utrecht-link" to={`${base}/${p.id}`}>
                  <PersonName name={p.name} erased={p.erased} />
                </Link>
              </RowHeader>
              <Cell>{p.email}</Cell>
              <Cell>
                {p.organisation ? (
                  <Link
                    className="utrecht-link"
                    to={`/manage/${region.slug}/organisations/${p.organisation.id}`}
                  >
                    {p.organisation.name}
                  </Link>
                ) : null}
              </Cell>
              <Cell>{p.perspectives.map((x) => t(`perspectives.${x}`)).join(", ")}</Cell>
              <Cell>{p.expertise.join(", ")}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  );
}
