import { Link, redirect } from "react-router";
import type { Route } from "./+types/new";
import { addPerson } from "../../../../core/people/addPerson.ts";
import { peoplePolicy } from "../../../../core/people/policy.ts";
import { organisationOptions } from "../../../../core/people/queries.ts";
import { FormError, PostForm, SubmitButton, useFieldErrors } from "../../../components/form.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { refused, requestT, requireRegion } from "../../../lib/request.server.ts";
import { PersonFields, sentPersonValues } from "./components.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    peoplePolicy.addPerson,
  );
  const organisations = await organisationOptions(scope);
  // Coming from an organisation's page, the person is most likely one of its people.
  const preselected = new URL(request.url).searchParams.get("organisation") ?? "";
  return {
    region: { slug: region.slug },
    organisations,
    organisationId: organisations.some((o) => o.id === preselected) ? preselected : "",
    title: `${requestT(context)("people.new")} · ${region.name}`,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    peoplePolicy.addPerson,
  );
  const sent = formObject(await request.formData());
  const result = await addPerson(scope, sent);
  if (!result.ok) return refused(context, result, { values: sentPersonValues(sent) });
  return redirect(`/manage/${region.slug}/people/${result.value.id}?created=1`);
}

export default function NewPerson({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { fieldErrors, error } = useFieldErrors(actionData);
  const { region, organisations, organisationId } = loaderData;
  return (
    <>
      <h1 className="utrecht-heading-1">{t("people.new")}</h1>
      <PostForm className="lr-form" noValidate>
        <FormError error={error} />
        <PersonFields
          values={
            actionData?.values ?? {
              name: "",
              email: "",
              organisationId,
              perspectives: [],
              expertise: "",
            }
          }
          organisations={organisations}
          errors={fieldErrors}
        />
        <div className="lr-actions">
          <SubmitButton>{t("app.save")}</SubmitButton>
          <Link className="utrecht-link" to={`/manage/${region.slug}/people`}>
            {t("app.cancel")}
          </Link>
        </div>
      </PostForm>
    </>
  );
}
