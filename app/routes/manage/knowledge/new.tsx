import { Link, redirect } from "react-router";
import type { Route } from "./+types/new";
import { createEntry } from "../../../../core/knowledge/entries.ts";
import { knowledgePolicy } from "../../../../core/knowledge/policy.ts";
import { FormError, PostForm, SubmitButton, useFieldErrors } from "../../../components/form.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { refusedChange, requestT, requireRegion } from "../../../lib/request.server.ts";
import { EntryFields, sentValues } from "./EntryFields.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { region } = await requireRegion(
    request,
    context,
    params.slug,
    knowledgePolicy.createEntry,
  );
  return {
    base: `/manage/${region.slug}/knowledge`,
    pageTitle: requestT(context)("knowledge.new"),
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
  const r = await createEntry(scope, sent);
  return r.ok
    ? redirect(`/manage/${region.slug}/knowledge/${r.value.id}?done=created`)
    : refusedChange(context, r, "create", sent);
}

export default function NewEntry({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { fieldErrors, error } = useFieldErrors(actionData);
  const values = actionData && "values" in actionData ? sentValues(actionData.values) : undefined;
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={loaderData.base}>
          {t("knowledge.backToBase")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("knowledge.new")}</h1>
      <FormError error={error} />
      <PostForm>
        <EntryFields values={values} errors={fieldErrors} />
        <SubmitButton>{t("knowledge.create")}</SubmitButton>
      </PostForm>
    </>
  );
}
