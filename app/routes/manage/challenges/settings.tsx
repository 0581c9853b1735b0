import { Link, redirect } from "react-router";
import type { Route } from "./+types/settings";
import { challengePolicy } from "../../../../core/challenges/policy.ts";
import {
  CHALLENGE_GUARD_LIMITS,
  readChallengeGuard,
  updateChallengeGuard,
} from "../../../../core/regions/updateChallengeGuard.ts";
import { roleName } from "../../../components/challenges/shared.ts";
import {
  Field,
  FormError,
  Notice,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../../../components/form.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import {
  getRequestInfo,
  refusedChange,
  requestT,
  requireRegion,
} from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    challengePolicy.configureGuard,
  );
  return {
    base: `/manage/${region.slug}/challenges`,
    settings: await readChallengeGuard(scope),
    saved: new URL(request.url).searchParams.get("done") === "saved",
    pageTitle: requestT(context)("challengePages.settings.title"),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    challengePolicy.configureGuard,
  );
  const sent = formObject(await request.formData());
  // The admin reads the default roles in the page's language; their names map back to keys.
  const r = await updateChallengeGuard(scope, sent, getRequestInfo(context).locale);
  return r.ok
    ? redirect(`/manage/${region.slug}/challenges/settings?done=saved`)
    : refusedChange(context, r, "save", sent);
}

export default function ChallengeSettings({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { base, settings, saved } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const sent = actionData && "values" in actionData ? actionData.values : undefined;
  const value = (name: string, fallback: string) => {
    const v = sent?.[name];
    return typeof v === "string" ? v : fallback;
  };
  return (
    <>
      <p className="utrecht-paragraph lr-breadcrumb">
        <Link className="utrecht-link" to={base}>
          {t("challengePages.backToList")}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t("challengePages.settings.title")}</h1>
      <p className="utrecht-paragraph">{t("challengePages.settings.intro")}</p>
      {saved && !actionData ? <Notice>{t("challengePages.done.settingsSaved")}</Notice> : null}
      <FormError error={error} />
      <PostForm>
        <Field
          name="staleAfterWeeks"
          type="number"
          label={t("challengePages.settings.staleAfterWeeks")}
          required
          defaultValue={value("staleAfterWeeks", String(settings.staleAfterWeeks))}
          errors={fieldErrors}
        />
        <Field
          name="phaseMaxMonths"
          type="number"
          label={t("challengePages.settings.phaseMaxMonths")}
          required
          defaultValue={value("phaseMaxMonths", String(settings.phaseMaxMonths))}
          errors={fieldErrors}
        />
        <Field
          name="roles"
          label={t("challengePages.settings.roles")}
          description={t("challengePages.settings.rolesHint")}
          multiline
          rows={10}
          maxLength={CHALLENGE_GUARD_LIMITS.roles * (CHALLENGE_GUARD_LIMITS.roleName + 2)}
          defaultValue={value("roles", settings.roles.map((r) => roleName(t, r)).join("\n"))}
          errors={fieldErrors}
        />
        <SubmitButton>{t("challengePages.save")}</SubmitButton>
      </PostForm>
    </>
  );
}
