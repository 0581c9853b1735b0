import { Link, redirect } from "react-router";
import type { Route } from "./+types/list";
import { may } from "../../../../core/kernel/scope.ts";
import { createCommunity } from "../../../../core/knowledge/communities.ts";
import { knowledgePolicy } from "../../../../core/knowledge/policy.ts";
import { memberCommunities } from "../../../../core/knowledge/queries.ts";
import {
  Field,
  FormError,
  Notice,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { Cell, DataTable, Row, RowHeader } from "../../../components/table.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { refusedChange, requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    knowledgePolicy.view,
  );
  return {
    base: `/manage/${region.slug}`,
    communities: (await memberCommunities(scope)).map((c) => ({
      ...c,
      member_count: Number(c.member_count),
    })),
    canCreate: may(scope, knowledgePolicy.createCommunity),
    left: new URL(request.url).searchParams.get("done") === "left",
    pageTitle: requestT(context)("knowledge.communities.title"),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    knowledgePolicy.view,
  );
  const sent = formObject(await request.formData());
  const r = await createCommunity(scope, sent);
  return r.ok
    ? redirect(`/manage/${region.slug}/communities/${r.value.id}?done=created`)
    : refusedChange(context, r, "create", sent);
}

export default function Communities({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { base, communities } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const values =
    actionData && "values" in actionData ? (actionData.values as Record<string, string>) : {};
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={`${base}/knowledge`}>
          {t("knowledge.backToBase")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("knowledge.communities.title")}</h1>
      {loaderData.left && <Notice>{t("knowledge.communities.done.left")}</Notice>}
      <p className="utrecht-paragraph">{t("knowledge.communities.intro")}</p>
      {communities.length === 0 ? (
        <p className="utrecht-paragraph">{t("knowledge.communities.none")}</p>
      ) : (
        <DataTable
          caption={t("knowledge.communities.title")}
          hideCaption
          columns={[
            t("knowledge.communities.name"),
            t("knowledge.communities.host"),
            { label: t("knowledge.communities.memberCount"), numeric: true },
          ]}
        >
          {communities.map((c) => (
            <Row key={c.id}>
              <RowHeader>
                <Link className="utrecht-link" to={`${base}/communities/${c.id}`}>
                  {c.name}
                </Link>
              </RowHeader>
              <Cell>{c.host_name}</Cell>
              <Cell numeric>{c.member_count}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
      {loaderData.canCreate && (
        <section aria-labelledby="new-community">
          <h2 className="utrecht-heading-2" id="new-community">
            {t("knowledge.communities.new")}
          </h2>
          <FormError error={error} />
          <PostForm>
            <Field
              name="name"
              label={t("knowledge.communities.name")}
              defaultValue={values.name}
              errors={fieldErrors}
              maxLength={200}
              required
            />
            <Field
              name="description"
              label={t("knowledge.communities.description")}
              defaultValue={values.description}
              errors={fieldErrors}
              maxLength={5000}
              multiline
              rows={4}
            />
            <SubmitButton>{t("knowledge.communities.create")}</SubmitButton>
          </PostForm>
        </section>
      )}
    </>
  );
}
