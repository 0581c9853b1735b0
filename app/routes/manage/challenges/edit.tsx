import { Link, redirect } from "react-router";
import type { Route } from "./+types/edit";
import { challengePolicy } from "../../../../core/challenges/policy.ts";
import { getChallenge } from "../../../../core/challenges/queries.ts";
import { updateChallenge } from "../../../../core/challenges/updateChallenge.ts";
import {
  ChallengeFields,
  challengeValues,
} from "../../../components/challenges/ChallengeFields.tsx";
import { FormError, PostForm, SubmitButton, useFieldErrors } from "../../../components/form.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { notFound, refusedChange, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.challenge.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    challengePolicy.updateChallenge,
  );
  const found = await getChallenge(scope, params.id);
  if (!found) notFound(context);
  const { challenge } = found;
  return { here: `/manage/${region.slug}/challenges/${challenge.id}`, challenge };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    challengePolicy.view,
  );
  const sent = formObject(await request.formData());
  const r = await updateChallenge(scope, params.id, sent);
  return r.ok
    ? redirect(`/manage/${region.slug}/challenges/${params.id}?done=saved`)
    : refusedChange(context, r, "update", sent);
}

export default function EditChallenge({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { here, challenge } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={here}>
          {challenge.title}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">
        {t("challengePages.editTitle", { title: challenge.title })}
      </h1>
      <FormError error={error} />
      <PostForm>
        <ChallengeFields
          values={values ?? challengeValues(challenge)}
          errors={fieldErrors}
          continuation
        />
        <SubmitButton>{t("challengePages.save")}</SubmitButton>
      </PostForm>
    </>
  );
}
