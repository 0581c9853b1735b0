import { Link, redirect } from "react-router";
import type { Route } from "./+types/new";
import { createChallenge } from "../../../../core/challenges/createChallenge.ts";
import { challengePolicy } from "../../../../core/challenges/policy.ts";
import { ChallengeFields } from "../../../components/challenges/ChallengeFields.tsx";
import { FormError, PostForm, SubmitButton, useFieldErrors } from "../../../components/form.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { refusedChange, requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { region } = await requireRegion(
    request,
    context,
    params.slug,
    challengePolicy.createChallenge,
  );
  return {
    base: `/manage/${region.slug}/challenges`,
    pageTitle: requestT(context)("challengePages.new"),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    challengePolicy.view,
  );
  const sent = formObject(await request.formData());
  const r = await createChallenge(scope, sent);
  return r.ok
    ? redirect(`/manage/${region.slug}/challenges/${r.value.id}?done=created`)
    : refusedChange(context, r, "create", sent);
}

export default function NewChallenge({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { fieldErrors, error } = useFieldErrors(actionData);
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={loaderData.base}>
          {t("challengePages.backToList")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("challengePages.new")}</h1>
      <FormError error={error} />
      <PostForm>
        <ChallengeFields values={values} errors={fieldErrors} />
        <SubmitButton>{t("challengePages.create")}</SubmitButton>
      </PostForm>
    </>
  );
}
