import { redirect, useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/settings";
import {
  contrastWithWhite,
  COLOR_PATTERN,
  formatRatio,
  LOGO_TYPES,
} from "../../../core/regions/look.ts";
import { regionPolicy } from "../../../core/regions/policy.ts";
import { getRegionLogoVersion, getRegionSettings } from "../../../core/regions/queries.ts";
import { updateRegionSettings } from "../../../core/regions/updateRegionSettings.ts";
import {
  CheckboxField,
  Field,
  FileField,
  FormError,
  Notice,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../../components/form.tsx";
import { formObject } from "../../lib/form.server.ts";
import { useT } from "../../lib/i18n.ts";
import { refused, requestT, requireRegion } from "../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    regionPolicy.viewSettings,
  );
  const [settings, logoVersion] = await Promise.all([
    getRegionSettings(scope),
    getRegionLogoVersion(scope),
  ]);
  return {
    settings: {
      slug: settings.slug,
      name: settings.name,
      description: settings.description,
      challenges: settings.challenges,
      primaryColor: settings.primary_color,
      retentionMonths: settings.retention_months,
      privacyStatement: settings.privacy_statement,
    },
    logoVersion,
    title: `${requestT(context)("settings.title")} · ${region.name}`,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    regionPolicy.updateSettings,
  );
  const form = await request.formData();
  const file = form.get("logo");
  const logo =
    file instanceof File && file.size > 0
      ? { bytes: new Uint8Array(await file.arrayBuffer()) }
      : null;
  const values = formObject(form);
  const result = await updateRegionSettings(scope, values, logo);
  if (!result.ok) {
    return refused(context, result, {
      values,
      logoDropped: logo !== null && !result.fieldErrors?.logo,
    });
  }
  return redirect(`/manage/${region.slug}/settings?saved=1`);
}

function ColorPreview({ color }: { color: string }) {
  const t = useT();
  if (!COLOR_PATTERN.test(color)) return null;
  return (
    <div className="lr-color-preview">
      <span
        className="utrecht-button utrecht-button--primary-action lr-color-preview__sample"
        style={{ backgroundColor: color, borderColor: color }}
        aria-hidden="true"
      >
        {t("settings.preview")}
      </span>
      <p className="utrecht-paragraph utrecht-paragraph--small">
        {t("settings.currentColor", { color, ratio: formatRatio(contrastWithWhite(color)) })}
      </p>
    </div>
  );
}

export default function Settings({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const { fieldErrors, error } = useFieldErrors(actionData);
  const [params] = useSearchParams();
  const { settings, logoVersion } = loaderData;
  const sent = actionData && "values" in actionData ? actionData.values : undefined;
  const value = (name: string, saved: string | number) => {
    const v = sent?.[name];
    return typeof v === "string" ? v : saved;
  };
  return (
    <>
      <h1 className="utrecht-heading-1">{t("settings.title")}</h1>
      <p className="utrecht-paragraph">{t("settings.intro")}</p>
      {params.get("saved") && !actionData ? <Notice>{t("settings.saved")}</Notice> : null}
      <PostForm className="lr-form" encType="multipart/form-data" noValidate>
        <FormError error={error} />
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset lr-section">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t("settings.general")}
          </legend>
          <Field
            name="name"
            label={t("settings.name")}
            required
            maxLength={200}
            defaultValue={value("name", settings.name)}
            errors={fieldErrors}
          />
          <Field
            name="description"
            label={t("settings.description")}
            description={t("settings.descriptionHint")}
            multiline
            rows={4}
            defaultValue={value("description", settings.description)}
            errors={fieldErrors}
          />
          <Field
            name="challenges"
            label={t("settings.challenges")}
            description={t("settings.challengesHint")}
            multiline
            rows={6}
            defaultValue={value("challenges", settings.challenges)}
            errors={fieldErrors}
          />
        </fieldset>

        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset lr-section">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t("settings.look")}
          </legend>
          <div className="lr-current-logo">
            <p className="utrecht-paragraph">
              <strong>{t("settings.currentLogo")}</strong>
            </p>
            {logoVersion ? (
              <img
                src={`/r/${settings.slug}/logo?v=${logoVersion}`}
                alt={t("settings.currentLogo")}
                className="lr-logo-preview"
              />
            ) : (
              <p className="utrecht-paragraph">{t("settings.noLogo")}</p>
            )}
          </div>
          {actionData && "logoDropped" in actionData && actionData.logoDropped ? (
            <Notice kind="info">{t("settings.logoKept")}</Notice>
          ) : null}
          <FileField
            name="logo"
            label={t("settings.logo")}
            description={t("settings.logoHint")}
            accept={LOGO_TYPES.join(",")}
            errors={fieldErrors}
          />
          {logoVersion ? (
            <CheckboxField
              name="removeLogo"
              label={t("settings.removeLogo")}
              defaultChecked={sent?.removeLogo === "on"}
            />
          ) : null}
          <Field
            name="primaryColor"
            label={t("settings.primaryColor")}
            description={t("settings.primaryColorHint")}
            required
            maxLength={7}
            defaultValue={value("primaryColor", settings.primaryColor)}
            errors={fieldErrors}
          />
          <ColorPreview color={settings.primaryColor} />
        </fieldset>

        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset lr-section">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            {t("settings.privacy")}
          </legend>
          <Field
            name="retentionMonths"
            type="number"
            label={t("settings.retentionMonths")}
            description={t("settings.retentionHint")}
            required
            defaultValue={value("retentionMonths", settings.retentionMonths)}
            errors={fieldErrors}
          />
          <Field
            name="privacyStatement"
            label={t("settings.privacyStatement")}
            description={t("settings.privacyStatementHint")}
            multiline
            rows={8}
            defaultValue={value("privacyStatement", settings.privacyStatement)}
            errors={fieldErrors}
          />
        </fieldset>
        <div className="lr-actions">
          <SubmitButton>{t("app.save")}</SubmitButton>
        </div>
      </PostForm>
    </>
  );
}
