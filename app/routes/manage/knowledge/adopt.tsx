import { Link, redirect } from "react-router";
import type { Route } from "./+types/adopt";
import { adoptEntry } from "../../../../core/knowledge/adoptions.ts";
import { knowledgePolicy } from "../../../../core/knowledge/policy.ts";
import { entryView } from "../../../../core/knowledge/queries.ts";
import { OUTCOMES } from "../../../../core/knowledge/schema.ts";
import {
  Field,
  FormError,
  PostForm,
  SelectField,
  SubmitButton,
  useFieldErrors,
  useTranslatedOptions,
} from "../../../components/form.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { notFound, refusedChange, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

/** Adopting is for another region's entry that this region may see; anything else is 404. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    knowledgePolicy.adoptEntry,
  );
  const view = await entryView(scope, params.id);
  if (!view || !view.mayAdopt) notFound(context);
  return {
    here: `/manage/${region.slug}/knowledge/${view.entry.id}`,
    title: view.entry.title,
    regionName: view.entry.region_name,
    today: new Date().toISOString().slice(0, 10),
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
  const r = await adoptEntry(scope, params.id, sent);
  return r.ok
    ? redirect(`/manage/${region.slug}/knowledge/${params.id}?done=adopted#adoptions`)
    : refusedChange(context, r, "adopt", sent);
}

export default function AdoptEntry({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { fieldErrors, error } = useFieldErrors(actionData);
  const values =
    actionData && "values" in actionData ? (actionData.values as Record<string, string>) : {};
  const outcomes = useTranslatedOptions("knowledge.outcome", OUTCOMES);
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={loaderData.here}>
          {t("knowledge.backToEntry", { title: loaderData.title })}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">
        {t("knowledge.adoptions.adoptTitle", { title: loaderData.title })}
      </h1>
      <p className="utrecht-paragraph">{t("knowledge.adoptions.adoptIntro")}</p>
      <FormError error={error} />
      <PostForm>
        <Field
          name="tried"
          label={t("knowledge.adoptions.tried")}
          defaultValue={values.tried}
          errors={fieldErrors}
          multiline
          rows={4}
          maxLength={2000}
          required
        />
        <Field
          name="adoptedOn"
          label={t("knowledge.adoptions.adoptedOn")}
          defaultValue={values.adoptedOn ?? loaderData.today}
          errors={fieldErrors}
          maxLength={10}
        />
        <SelectField
          name="outcome"
          label={t("knowledge.adoptions.outcome")}
          options={outcomes}
          defaultValue={values.outcome ?? "not_yet"}
          errors={fieldErrors}
        />
        <Field
          name="note"
          label={t("knowledge.adoptions.note")}
          defaultValue={values.note}
          errors={fieldErrors}
          multiline
          rows={3}
          maxLength={2000}
        />
        <SubmitButton>{t("knowledge.adoptions.save")}</SubmitButton>
      </PostForm>
    </>
  );
}
