import { Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/detail";
import { deleteOrganisation } from "../../../../core/people/deleteOrganisation.ts";
import { getOrganisation, listPeople, PAGE_SIZE } from "../../../../core/people/queries.ts";
import { updateOrganisation } from "../../../../core/people/updateOrganisation.ts";
import { may } from "../../../../core/kernel/scope.ts";
import { peoplePolicy } from "../../../../core/people/policy.ts";
import {
  CheckboxField,
  FormError,
  Notice,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { notFound, refusedChange, requireRegion } from "../../../lib/request.server.ts";
import { PersonName } from "../people/components.tsx";
import { InvolvementSections } from "../../../components/actions/Involvement.tsx";
import { coalitionsOfParty } from "../../../../core/coalitions/queries.ts";
import { coalitionPolicy } from "../../../../core/coalitions/policy.ts";
import { actionsOfParty } from "../../../../core/actions/queries.ts";
import { OrganisationFields, sentOrganisationValues } from "./components.tsx";

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
  const organisation = await getOrganisation(scope, params.id);
  if (!organisation) notFound(context);
  const canSeePeople = may(scope, peoplePolicy.viewPeople);
  const people = canSeePeople
    ? await listPeople(scope, {
        q: "",
        organisationId: organisation.id,
        sector: "",
        perspective: "",
        erased: false,
      })
    : null;
  return {
    region: { slug: region.slug, name: region.name },
    organisation,
    people: people?.people.map((p) => ({
      id: p.id,
      name: p.name,
      erased: p.erasedAt !== null,
      perspectives: p.perspectives,
      expertise: p.expertise,
    })),
    morePeople: people ? people.total > PAGE_SIZE : false,
    involvement: may(scope, coalitionPolicy.view)
      ? {
          coalitions: await coalitionsOfParty(scope, { organisationId: organisation.id }),
          actions: await actionsOfParty(scope, { organisationId: organisation.id }),
        }
      : null,
    canEdit: may(scope, peoplePolicy.updateOrganisation),
    title: `${organisation.name} · ${region.name}`,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    peoplePolicy.viewOrganisations,
  );
  // The guard answers another region's id exactly as an id that does not exist.
  const form = await request.formData();
  const base = `/manage/${region.slug}/organisations`;
  if (intent(form) === "delete") {
    const result = await deleteOrganisation(scope, params.id, {
      confirmed: form.get("confirm") === "on",
    });
    if (!result.ok) return refusedChange(context, result, "delete", undefined);
    return redirect(`${base}?deleted=1`);
  }
  const sent = formObject(form);
  const result = await updateOrganisation(scope, params.id, sent);
  if (!result.ok) return refusedChange(context, result, "save", sentOrganisationValues(sent));
  return redirect(`${base}/${result.value.id}?saved=1`);
}

export default function OrganisationPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { region, organisation, people, morePeople, canEdit } = loaderData;
  const save = useFieldErrors(actionData?.intent === "save" ? actionData : undefined);
  const remove = useFieldErrors(actionData?.intent === "delete" ? actionData : undefined);
  const peopleBase = `/manage/${region.slug}/people`;
  return (
    <>
      <p className="lr-breadcrumb">
        <Link className="utrecht-link" to={`/manage/${region.slug}/organisations`}>
          {t("organisations.backToList")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{organisation.name}</h1>
      {params.get("created") ? <Notice>{t("organisations.created")}</Notice> : null}
      {params.get("saved") ? <Notice>{t("organisations.saved")}</Notice> : null}

      <dl className="utrecht-data-list utrecht-data-list--rows">
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t("organisations.sector")}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {t(`sectors.${organisation.sector}`)}
          </dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t("organisations.website")}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {organisation.website ? (
              <a className="utrecht-link" href={organisation.website} rel="noopener noreferrer">
                {organisation.website}
              </a>
            ) : (
              t("organisations.noWebsite")
            )}
          </dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t("organisations.people")}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
            {organisation.people}
          </dd>
        </div>
      </dl>

      {people ? (
        <section className="lr-section" aria-labelledby="organisation-people">
          <h2 className="utrecht-heading-2" id="organisation-people">
            {t("organisations.peopleTitle")}
          </h2>
          {canEdit ? (
            <p className="lr-actions">
              <Link
                className="utrecht-link"
                to={`${peopleBase}/new?organisation=${organisation.id}`}
              >
                {t("organisations.addPerson")}
              </Link>
            </p>
          ) : null}
          {people.length === 0 ? (
            <p className="utrecht-paragraph">{t("organisations.noPeople")}</p>
          ) : (
            <DataTable
              caption={t("organisations.peopleCaption", { name: organisation.name })}
              columns={[t("people.name"), t("people.perspectives"), t("people.expertise")]}
            >
              {people.map((p) => (
                <Row key={p.id}>
                  <RowHeader>
                    <Link className="utrecht-link" to={`${peopleBase}/${p.id}`}>
                      <PersonName name={p.name} erased={p.erased} />
                    </Link>
                  </RowHeader>
                  <Cell>{p.perspectives.map((x) => t(`perspectives.${x}`)).join(", ")}</Cell>
                  <Cell>{p.expertise.join(", ")}</Cell>
                </Row>
              ))}
            </DataTable>
          )}
          {morePeople ? (
            <p className="utrecht-paragraph">
              <Link className="utrecht-link" to={`${peopleBase}?organisation=${organisation.id}`}>
                {t("organisations.allPeople", { count: organisation.people })}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {loaderData.involvement ? (
        <InvolvementSections
          base={`/manage/${region.slug}`}
          involvement={loaderData.involvement}
          idPrefix="organisation"
        />
      ) : null}

      {canEdit ? (
        <>
          <section className="lr-section" aria-labelledby="organisation-edit">
            <h2 className="utrecht-heading-2" id="organisation-edit">
              {t("organisations.edit")}
            </h2>
            <PostForm className="lr-form" noValidate>
              <input type="hidden" name="_intent" value="save" />
              <FormError error={save.error} />
              <OrganisationFields
                values={
                  actionData?.intent === "save" && actionData.values
                    ? actionData.values
                    : organisation
                }
                errors={save.fieldErrors}
              />
              <SubmitButton>{t("app.save")}</SubmitButton>
            </PostForm>
          </section>
          <section className="lr-section" aria-labelledby="organisation-delete">
            <h2 className="utrecht-heading-2" id="organisation-delete">
              {t("organisations.delete")}
            </h2>
            <p className="utrecht-paragraph">
              {t("organisations.deleteExplain", { count: organisation.people })}
            </p>
            <PostForm className="lr-form" noValidate>
              <input type="hidden" name="_intent" value="delete" />
              <FormError error={remove.error} />
              <CheckboxField
                name="confirm"
                label={t("organisations.confirmDelete", { name: organisation.name })}
                errors={remove.fieldErrors}
              />
              <SubmitButton kind="danger">{t("organisations.delete")}</SubmitButton>
            </PostForm>
          </section>
        </>
      ) : null}
    </>
  );
}
