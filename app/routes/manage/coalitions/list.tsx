import { Link, redirect } from "react-router";
import type { Route } from "./+types/list";
import { partyChoices } from "../../../../core/people/parties.ts";
import { PartyLists } from "../../../components/actions/PartyPicker.tsx";
import { actionChoices } from "../../../../core/actions/queries.ts";
import { createCoalition } from "../../../../core/coalitions/createCoalition.ts";
import { coalitionPolicy } from "../../../../core/coalitions/policy.ts";
import { listCoalitions } from "../../../../core/coalitions/queries.ts";
import { missingList } from "../../../components/actions/CoalitionMix.tsx";
import { CoalitionFields } from "../../../components/actions/CoalitionFields.tsx";
import {
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { formObject, intent } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { notFound, refusedChange, requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    coalitionPolicy.view,
  );
  const [coalitions, actions] = await Promise.all([
    listCoalitions(scope),
    actionChoices(scope, null),
  ]);
  const url = new URL(request.url);
  const forAction = url.searchParams.get("action");
  return {
    base: `/manage/${region.slug}`,
    coalitions,
    actions,
    parties: await partyChoices(scope),
    chosenAction: forAction && actions.some((a) => a.id === forAction) ? forAction : null,
    deleted: url.searchParams.get("done") === "deleted",
    pageTitle: requestT(context)("coalitions.title"),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    coalitionPolicy.view,
  );
  const form = await request.formData();
  if (intent(form) !== "create") notFound(context);
  const sent = formObject(form);
  const r = await createCoalition(scope, { ...sent, actionId: sent.actionId || undefined });
  return r.ok
    ? redirect(`/manage/${region.slug}/coalitions/${r.value.id}?done=created`)
    : refusedChange(context, r, "create", sent);
}

export default function Coalitions({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { base, coalitions, actions, chosenAction, deleted } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const values = (actionData && "values" in actionData ? actionData.values : undefined) as
    Record<string, string> | undefined;
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={`${base}/actions`}>
          {t("actions.title")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("coalitions.title")}</h1>
      <p className="utrecht-paragraph">{t("coalitions.intro")}</p>
      {deleted ? <Notice>{t("coalitions.deleted")}</Notice> : null}
      <FormError error={error} />
      {coalitions.length === 0 ? (
        <p className="utrecht-paragraph">{t("coalitions.none")}</p>
      ) : (
        <DataTable
          caption={t("coalitions.title")}
          hideCaption
          columns={[
            t("coalitions.columns.title"),
            t("coalitions.columns.lead"),
            t("coalitions.columns.actions"),
            { label: t("coalitions.columns.members"), numeric: true },
            { label: t("coalitions.columns.interested"), numeric: true },
            t("coalitions.columns.missing"),
          ]}
        >
          {coalitions.map((c) => (
            <Row key={c.id}>
              <RowHeader>
                <Link className="utrecht-link" to={`${base}/coalitions/${c.id}`}>
                  {c.title}
                </Link>
              </RowHeader>
              <Cell>{[c.lead_name, c.lead_organisation].filter(Boolean).join(", ")}</Cell>
              <Cell>
                {c.actions.map((a, i) => (
                  <span key={a.id}>
                    {i > 0 ? ", " : null}
                    <Link className="utrecht-link" to={`${base}/actions/${a.id}`}>
                      {a.title}
                    </Link>
                  </span>
                ))}
              </Cell>
              <Cell numeric>{c.members}</Cell>
              <Cell numeric>{c.interested}</Cell>
              <Cell>{missingList(t, c.mix) || t("coalitions.noneMissing")}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
      <section className="lr-section" aria-labelledby="new">
        <h2 className="utrecht-heading-2" id="new">
          {t("coalitions.new")}
        </h2>
        <PostForm>
          <CoalitionFields values={values} errors={fieldErrors} />
          <PartyLists choices={loaderData.parties} />
          <SelectField
            name="actionId"
            label={t("coalitions.fields.action")}
            emptyLabel={t("coalitions.fields.noAction")}
            defaultValue={chosenAction}
            options={actions.map((a) => ({ value: a.id, label: a.title }))}
          />
          <SubmitButton name="_intent" value="create">
            {t("coalitions.create")}
          </SubmitButton>
        </PostForm>
      </section>
    </>
  );
}
