import { redirect } from "react-router";
import type { Route } from "./+types/settings";
import { harvestPolicy } from "../../../../core/harvest/policy.ts";
import { findHarvest } from "../../../../core/harvest/queries.ts";
import { updateHarvest } from "../../../../core/harvest/updateHarvest.ts";
import { FormError, PostForm, SubmitButton, useFieldErrors } from "../../../components/form.tsx";
import { formObject } from "../../../lib/form.server.ts";
import { useT } from "../../../lib/i18n.ts";
import { notFound, refusedChange, requestT, requireRegion } from "../../../lib/request.server.ts";
import { BackToHarvest, HarvestFields, sentHarvestValues } from "./components.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    harvestPolicy.manage,
  );
  const harvest = await findHarvest(scope, params.id);
  if (!harvest) notFound(context);
  return {
    region: { slug: region.slug },
    harvest: {
      id: harvest.id,
      title: harvest.title,
      values: {
        title: harvest.title,
        description: harvest.description,
        language: harvest.language,
        strategicThemes: harvest.strategicThemes.join("\n"),
        formOpen: harvest.formOpen,
      },
    },
    title: `${requestT(context)("harvest.settingsTitle")} · ${harvest.title}`,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    harvestPolicy.manage,
  );
  const harvest = await findHarvest(scope, params.id);
  if (!harvest) notFound(context);
  const sent = formObject(await request.formData());
  const result = await updateHarvest(scope, harvest.id, sent);
  if (!result.ok) return refusedChange(context, result, "save", sentHarvestValues(sent));
  return redirect(`/manage/${region.slug}/harvest/${harvest.id}?saved=1`);
}

export default function HarvestSettings({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { region, harvest } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const page = `/manage/${region.slug}/harvest/${harvest.id}`;
  return (
    <>
      <BackToHarvest base={page} title={harvest.title} />
      <h1 className="utrecht-heading-1">{t("harvest.settingsTitle")}</h1>
      <PostForm className="lr-form" noValidate>
        <FormError error={error} />
        <HarvestFields values={actionData?.values ?? harvest.values} errors={fieldErrors} />
        <SubmitButton>{t("app.save")}</SubmitButton>
      </PostForm>
    </>
  );
}
