import { Link, redirect } from "react-router";
import type { Route } from "./+types/new";
import { createOrganisation } from "../../../../core/people/createOrganisation.ts";
import { peoplePolicy } from "../../../../core/people/policy.ts";
import { FormError, PostForm, SubmitButton, useFieldErrors } from "../../../components/form.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { refused, requestT, requireRegion } from "../../../lib/request.server.ts";
import { OrganisationFields, sentOrganisationValues } from "./components.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { region } = await requireRegion(
    request,
    context,
    params.slug,
    peoplePolicy.createOrganisation,
  );
  return {
    region: { slug: region.slug },
    title: `${requestT(context)("organisations.new")} · ${region.name}`,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    peoplePolicy.createOrganisation,
  );
  const sent = formObject(await request.formData());
  const result = await createOrganisation(scope, sent);
  if (!result.ok) return refused(context, result, { values: sentOrganisationValues(sent) });
  return redirect(`/manage/${region.slug}/organisations/${result.value.id}?created=1`);
}

export default function NewOrganisation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { fieldErrors, error } = useFieldErrors(actionData);
  return (
    <>
      <h1 className="utrecht-heading-1">{t("organisations.new")}</h1>
      <PostForm className="lr-form" noValidate>
        <FormError error={error} />
        <OrganisationFields values={actionData?.values} errors={fieldErrors} />
        <div className="lr-actions">
          <SubmitButton>{t("app.save")}</SubmitButton>
          <Link className="utrecht-link" to={`/manage/${loaderData.region.slug}/organisations`}>
            {t("app.cancel")}
          </Link>
        </div>
      </PostForm>
    </>
  );
}
