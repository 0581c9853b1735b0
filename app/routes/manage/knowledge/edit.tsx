import { Link, redirect } from "react-router";
import type { Route } from "./+types/edit";
import { updateEntry } from "../../../../core/knowledge/entries.ts";
import { knowledgePolicy } from "../../../../core/knowledge/policy.ts";
import { ownEntry } from "../../../../core/knowledge/queries.ts";
import { FormError, PostForm, SubmitButton, useFieldErrors } from "../../../components/form.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { notFound, refusedChange, requireRegion } from "../../../lib/request.server.ts";
import { EntryFields, entryValues, sentValues } from "./EntryFields.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.entry.title }];
}

/** Only the region's own entries have an edit page; a shared one is another region's: 404. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    knowledgePolicy.updateEntry,
  );
  const entry = await ownEntry(scope, params.id);
  if (!entry) notFound(context);
  return { here: `/manage/${region.slug}/knowledge/${entry.id}`, entry };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    knowledgePolicy.view,
  );
  const sent = formObject(await request.formData());
  const r = await updateEntry(scope, params.id, sent);
  return r.ok
    ? redirect(`/manage/${region.slug}/knowledge/${params.id}?done=saved`)
    : refusedChange(context, r, "update", sent);
}

export default function EditEntry({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { here, entry } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const values = actionData && "values" in actionData ? sentValues(actionData.values) : undefined;
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={here}>
          {t("knowledge.backToEntry", { title: entry.title })}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("knowledge.editTitle", { title: entry.title })}</h1>
      <FormError error={error} />
      <PostForm>
        <EntryFields values={values ?? entryValues(entry)} errors={fieldErrors} />
        <SubmitButton>{t("knowledge.save")}</SubmitButton>
      </PostForm>
    </>
  );
}
