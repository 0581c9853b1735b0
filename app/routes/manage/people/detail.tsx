import type { ReactNode } from "react";
import { Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/detail";
import { erasePerson } from "../../../../core/people/erasePerson.ts";
import { getPerson, organisationOptions } from "../../../../core/people/queries.ts";
import { updatePerson } from "../../../../core/people/updatePerson.ts";
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
import { formatDate, formatDateTime, isoDate } from "../../../lib/format.ts";
import { formObject, intent } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import {
  getRequestInfo,
  notFound,
  refusedChange,
  requestT,
  requireRegion,
} from "../../../lib/request.server.ts";
import { PersonFields, PersonName, sentPersonValues } from "./components.tsx";
import { InvolvementSections } from "../../../components/actions/Involvement.tsx";
import { coalitionsOfParty } from "../../../../core/coalitions/queries.ts";
import { coalitionPolicy } from "../../../../core/coalitions/policy.ts";
import { actionsOfParty } from "../../../../core/actions/queries.ts";

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
  const person = await getPerson(scope, params.id);
  if (!person) notFound(context);
  const canEdit = may(scope, peoplePolicy.updatePerson);
  const { locale } = getRequestInfo(context);
  const t = requestT(context);
  return {
    region: { slug: region.slug, name: region.name },
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      organisation: person.organisation,
      perspectives: person.perspectives,
      expertise: person.expertise,
      erased: person.erasedAt !== null,
      erasedOn: person.erasedAt ? formatDate(person.erasedAt, locale) : null,
      erasedIso: person.erasedAt ? isoDate(person.erasedAt) : null,
      created: formatDate(person.createdAt, locale),
      createdIso: isoDate(person.createdAt),
      updated: formatDateTime(person.updatedAt, locale),
      updatedIso: isoDate(person.updatedAt),
    },
    organisations: canEdit && !person.erasedAt ? await organisationOptions(scope) : [],
    involvement: may(scope, coalitionPolicy.view)
      ? {
          coalitions: await coalitionsOfParty(scope, { personId: person.id }),
          actions: await actionsOfParty(scope, { personId: person.id }),
        }
      : null,
    canEdit,
    title: `${person.erasedAt ? t("people.erasedName") : person.name} · ${region.name}`,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    peoplePolicy.viewPeople,
  );
  // The guard answers another region's id exactly as an id that does not exist.
  const form = await request.formData();
  const page = `/manage/${region.slug}/people/${params.id}`;
  if (intent(form) === "erase") {
    const result = await erasePerson(scope, params.id, {
      confirmed: form.get("confirm") === "on",
    });
    if (!result.ok) return refusedChange(context, result, "erase", undefined);
    return redirect(`${page}?erased=1`);
  }
  const sent = formObject(form);
  const result = await updatePerson(scope, params.id, sent);
  if (!result.ok) return refusedChange(context, result, "save", sentPersonValues(sent));
  return redirect(`${page}?saved=1`);
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
        {children}
      </dd>
    </div>
  );
}

export default function PersonPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { region, person, organisations, canEdit } = loaderData;
  const save = useFieldErrors(actionData?.intent === "save" ? actionData : undefined);
  const erase = useFieldErrors(actionData?.intent === "erase" ? actionData : undefined);
  const base = `/manage/${region.slug}/people`;
  const none = <span className="lr-muted">{t("people.notKnown")}</span>;
  return (
    <>
      <p className="lr-breadcrumb">
        <Link className="utrecht-link" to={base}>
          {t("people.backToList")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">
        <PersonName name={person.name} erased={person.erased} />
      </h1>
      {params.get("created") ? <Notice>{t("people.created")}</Notice> : null}
      {params.get("saved") ? <Notice>{t("people.saved")}</Notice> : null}
      {params.get("merged") ? <Notice>{t("people.merged")}</Notice> : null}
      {person.erased ? (
        <Notice kind="info">{t("people.erasedNotice", { date: person.erasedOn ?? "" })}</Notice>
      ) : null}

      {person.erased ? null : (
        <dl className="utrecht-data-list utrecht-data-list--rows">
          <Item label={t("people.email")}>
            {person.email ? (
              <a className="utrecht-link" href={`mailto:${person.email}`}>
                {person.email}
              </a>
            ) : (
              none
            )}
          </Item>
          <Item label={t("people.organisation")}>
            {person.organisation ? (
              <>
                <Link
                  className="utrecht-link"
                  to={`/manage/${region.slug}/organisations/${person.organisation.id}`}
                >
                  {person.organisation.name}
                </Link>{" "}
                ({t(`sectors.${person.organisation.sector}`)})
              </>
            ) : (
              none
            )}
          </Item>
          <Item label={t("people.perspectives")}>
            {person.perspectives.length > 0
              ? person.perspectives.map((p) => t(`perspectives.${p}`)).join(", ")
              : none}
          </Item>
          <Item label={t("people.expertise")}>
            {person.expertise.length > 0 ? (
              <ul className="lr-tags">
                {person.expertise.map((tag) => (
                  <li key={tag}>{tag}</li>
                ))}
              </ul>
            ) : (
              none
            )}
          </Item>
          <Item label={t("people.addedOn")}>
            <time dateTime={person.createdIso}>{person.created}</time>
          </Item>
          <Item label={t("people.updatedOn")}>
            <time dateTime={person.updatedIso}>{person.updated}</time>
          </Item>
        </dl>
      )}

      {loaderData.involvement ? (
        <InvolvementSections
          base={`/manage/${region.slug}`}
          involvement={loaderData.involvement}
          idPrefix="person"
        />
      ) : null}

      {canEdit && !person.erased ? (
        <>
          <section className="lr-section" aria-labelledby="person-edit">
            <h2 className="utrecht-heading-2" id="person-edit">
              {t("people.edit")}
            </h2>
            <PostForm className="lr-form" noValidate>
              <input type="hidden" name="_intent" value="save" />
              <FormError error={save.error} />
              <PersonFields
                values={
                  actionData?.intent === "save" && actionData.values
                    ? actionData.values
                    : {
                        name: person.name,
                        email: person.email ?? "",
                        organisationId: person.organisation?.id ?? "",
                        perspectives: person.perspectives,
                        expertise: person.expertise.join(", "),
                      }
                }
                organisations={organisations}
                errors={save.fieldErrors}
              />
              <SubmitButton>{t("app.save")}</SubmitButton>
            </PostForm>
          </section>

          <section className="lr-section" aria-labelledby="person-network">
            <h2 className="utrecht-heading-2" id="person-network">
              {t("network.mirror.heading")}
            </h2>
            <p className="utrecht-paragraph">
              <Link className="utrecht-link" to={`${base}/${person.id}/network`}>
                {t("network.mirror.title", { name: person.name })}
              </Link>
            </p>
          </section>

          <section className="lr-section" aria-labelledby="person-merge">
            <h2 className="utrecht-heading-2" id="person-merge">
              {t("people.mergeTitle")}
            </h2>
            <p className="utrecht-paragraph">{t("people.mergeTeaser")}</p>
            <p className="utrecht-paragraph">
              <Link className="utrecht-link" to={`${base}/${person.id}/merge`}>
                {t("people.mergeStart")}
              </Link>
            </p>
          </section>
        </>
      ) : null}

      {canEdit ? (
        <section className="lr-section" aria-labelledby="person-privacy">
          <h2 className="utrecht-heading-2" id="person-privacy">
            {t("people.privacy")}
          </h2>
          <p className="utrecht-paragraph">
            <a className="utrecht-link" href={`${base}/${person.id}/export.json`} download>
              {t("people.downloadData")}
            </a>
          </p>
          {person.erased ? null : (
            <>
              <h3 className="utrecht-heading-3">{t("people.erase")}</h3>
              <p className="utrecht-paragraph">{t("people.eraseExplain")}</p>
              <PostForm className="lr-form" noValidate>
                <input type="hidden" name="_intent" value="erase" />
                <FormError error={erase.error} />
                <CheckboxField
                  name="confirm"
                  label={t("people.confirmErase", { name: person.name })}
                  errors={erase.fieldErrors}
                />
                <SubmitButton kind="danger">{t("people.erase")}</SubmitButton>
              </PostForm>
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
