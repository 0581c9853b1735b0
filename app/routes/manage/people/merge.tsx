import type { ReactNode } from "react";
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/merge";
import { mergePeople } from "../../../../core/people/mergePeople.ts";
import {
  findLikelyDuplicates,
  getPerson,
  listPeople,
  type PersonSummary,
} from "../../../../core/people/queries.ts";
import { fail } from "../../../../core/kernel/result.ts";
import { peoplePolicy } from "../../../../core/people/policy.ts";
import {
  Field,
  FormError,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { useMessage, useT } from "../../../lib/i18n.ts";
import { notFound, refused, requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

function summary(p: PersonSummary) {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    organisation: p.organisation?.name ?? null,
    perspectives: p.perspectives,
    expertise: p.expertise,
  };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    peoplePolicy.mergePeople,
  );
  const person = await getPerson(scope, params.id);
  if (!person) notFound(context);
  const page = `/manage/${region.slug}/people/${person.id}`;
  if (person.erasedAt) throw redirect(page);
  const url = new URL(request.url);
  const otherId = url.searchParams.get("other");
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 200);
  const title = `${requestT(context)("people.mergeTitle")} · ${person.name} · ${region.name}`;
  const base = { region: { slug: region.slug }, person: summary(person), title };

  if (otherId) {
    // Only an existing, not erased person of this region can be the other half of a merge.
    const other = await getPerson(scope, otherId);
    if (!other || other.erasedAt || other.id === person.id) notFound(context);
    return { ...base, other: summary(other), q, suggestions: [], results: null };
  }
  const [suggestions, results] = await Promise.all([
    findLikelyDuplicates(scope, person),
    q
      ? listPeople(scope, { q, organisationId: "", sector: "", perspective: "", erased: false })
      : null,
  ]);
  return {
    ...base,
    other: null,
    q,
    suggestions: suggestions.map(summary),
    results: results ? results.people.filter((p) => p.id !== person.id).map(summary) : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    peoplePolicy.mergePeople,
  );
  const person = await getPerson(scope, params.id);
  if (!person) notFound(context);
  const form = await request.formData();
  const other = await getPerson(scope, String(form.get("other") ?? ""));
  if (!other) notFound(context);
  const keep = form.get("keep");
  if (keep !== person.id && keep !== other.id) {
    return refused(context, fail("validation.failed", { keep: { key: "people.mergeChooseKeep" } }));
  }
  const result = await mergePeople(scope, {
    keepId: keep,
    removeId: keep === person.id ? other.id : person.id,
  });
  if (!result.ok) return refused(context, result);
  return redirect(`/manage/${region.slug}/people/${result.value.id}?merged=1`);
}

type Summary = ReturnType<typeof summary>;

function Candidates({
  people,
  caption,
  mergePath,
}: {
  people: Summary[];
  caption: string;
  mergePath: string;
}) {
  const t = useT();
  return (
    <DataTable
      caption={caption}
      columns={[
        t("people.name"),
        t("people.email"),
        t("people.organisation"),
        { label: <span className="lr-visually-hidden">{t("app.actions")}</span> },
      ]}
    >
      {people.map((p) => (
        <Row key={p.id}>
          <RowHeader>{p.name}</RowHeader>
          <Cell>{p.email}</Cell>
          <Cell>{p.organisation}</Cell>
          <Cell>
            <Link className="utrecht-link" to={`${mergePath}?other=${p.id}`}>
              {t("people.mergeCompare")}
              <span className="lr-visually-hidden"> {p.name}</span>
            </Link>
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}

function Comparison({ a, b }: { a: Summary; b: Summary }) {
  const t = useT();
  const rows: [string, (p: Summary) => ReactNode][] = [
    [t("people.name"), (p) => p.name],
    [t("people.email"), (p) => p.email],
    [t("people.organisation"), (p) => p.organisation],
    [t("people.perspectives"), (p) => p.perspectives.map((x) => t(`perspectives.${x}`)).join(", ")],
    [t("people.expertise"), (p) => p.expertise.join(", ")],
  ];
  return (
    <DataTable
      caption={t("people.mergeCompareCaption")}
      columns={[null, t("people.mergeThis"), t("people.mergeOther")]}
    >
      {rows.map(([label, value]) => (
        <Row key={label}>
          <RowHeader>{label}</RowHeader>
          <Cell>{value(a) || "—"}</Cell>
          <Cell>{value(b) || "—"}</Cell>
        </Row>
      ))}
    </DataTable>
  );
}

export default function MergePerson({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const message = useMessage();
  const { region, person, other, q, suggestions, results } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const keepError = fieldErrors?.keep;
  const page = `/manage/${region.slug}/people/${person.id}`;
  return (
    <>
      <p className="lr-breadcrumb">
        <Link className="utrecht-link" to={page}>
          {t("people.backToPerson", { name: person.name })}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("people.mergeHeading", { name: person.name })}</h1>
      <p className="utrecht-paragraph">{t("people.mergeIntro")}</p>

      {other ? (
        <>
          <h2 className="utrecht-heading-2">{t("people.mergeStep2")}</h2>
          <Comparison a={person} b={other} />
          <PostForm className="lr-form" noValidate>
            <input type="hidden" name="other" value={other.id} />
            <FormError error={error} />
            <fieldset
              className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${keepError ? " utrecht-form-fieldset--invalid" : ""}`}
              aria-describedby={keepError ? "keep-error" : undefined}
            >
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                {t("people.mergeKeep")}
              </legend>
              {keepError ? (
                <div className="utrecht-form-field-error-message" id="keep-error">
                  {message(keepError)}
                </div>
              ) : null}
              {[person, other].map((p, i) => (
                <div className="utrecht-form-field utrecht-form-field--radio" key={p.id}>
                  <div className="utrecht-form-field__input">
                    <input
                      type="radio"
                      id={`keep-${p.id}`}
                      name="keep"
                      value={p.id}
                      defaultChecked={i === 0}
                      className="utrecht-radio-button utrecht-radio-button--html-input"
                    />
                  </div>
                  <div className="utrecht-form-field__label">
                    <label
                      className="utrecht-form-label utrecht-form-label--radio"
                      htmlFor={`keep-${p.id}`}
                    >
                      {t(i === 0 ? "people.mergeKeepThis" : "people.mergeKeepOther", {
                        name: p.name,
                      })}
                    </label>
                  </div>
                </div>
              ))}
            </fieldset>
            <p className="utrecht-paragraph">{t("people.mergeRules")}</p>
            <div className="lr-actions">
              <SubmitButton>{t("people.mergeConfirm")}</SubmitButton>
              <Link className="utrecht-link" to={`${page}/merge`}>
                {t("people.mergeChooseOther")}
              </Link>
            </div>
          </PostForm>
        </>
      ) : (
        <>
          <h2 className="utrecht-heading-2">{t("people.mergeStep1")}</h2>
          {suggestions.length > 0 ? (
            <Candidates
              people={suggestions}
              caption={t("people.mergeSuggestions")}
              mergePath={`${page}/merge`}
            />
          ) : (
            <p className="utrecht-paragraph">{t("people.mergeNoSuggestions")}</p>
          )}
          <Form method="get" role="search" className="lr-form" aria-label={t("people.mergeSearch")}>
            <Field name="q" type="search" label={t("people.mergeSearch")} defaultValue={q} />
            <SubmitButton kind="secondary">{t("app.search")}</SubmitButton>
          </Form>
          {results ? (
            results.length > 0 ? (
              <Candidates
                people={results}
                caption={t("people.mergeSearchResults", { q })}
                mergePath={`${page}/merge`}
              />
            ) : (
              <p className="utrecht-paragraph" role="status">
                {t("people.noMatches")}
              </p>
            )
          ) : null}
        </>
      )}
    </>
  );
}
