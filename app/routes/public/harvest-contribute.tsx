import { data, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/harvest-contribute";
import { contribute, openContributionForm } from "../../../core/harvest/contributeForm.ts";
import { HARVEST_LIMITS, KINDS } from "../../../core/harvest/types.ts";
import { SECTORS } from "../../../core/kernel/sectors.ts";
import { Shell } from "../../root.tsx";
import {
  Field,
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  useFieldErrors,
  useTranslatedOptions,
} from "../../components/form.tsx";
import { formObject } from "../../lib/form.server.ts";
import { useT } from "../../lib/i18n.ts";
import { rateLimited } from "../../../core/kernel/result.ts";
import {
  getRequestInfo,
  getServices,
  notFound,
  refused,
  requestT,
} from "../../lib/request.server.ts";
import { RegionBrand, regionThemeStyle } from "../manage/layout.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }, { name: "robots", content: "noindex" }];
}

async function find(context: Route.LoaderArgs["context"], slug: string, harvestSlug: string) {
  const form = await openContributionForm(getServices(context).db, slug, harvestSlug);
  if (!form) notFound(context);
  return form;
}

/**
 * The form while the organiser keeps it open; otherwise a friendly page that says it is closed,
 * with status 404, the same for a harvest that never existed.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { region, harvest } = await find(context, params.slug, params.harvestSlug);
  const t = requestT(context);
  const page = {
    region: {
      slug: region.slug,
      name: region.name,
      hasLogo: region.hasLogo,
      primaryColor: region.primaryColor,
    },
    harvest: harvest
      ? {
          title: harvest.title,
          description: harvest.description,
          strategicThemes: harvest.strategicThemes,
        }
      : null,
    pageTitle: `${harvest ? t("harvest.form.title", { title: harvest.title }) : t("harvest.form.closedTitle")} · ${region.name}`,
  };
  return harvest ? page : data(page, { status: 404 });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { region, harvest } = await find(context, params.slug, params.harvestSlug);
  if (!harvest) notFound(context);
  const sent = formObject(await request.formData());
  const values = {
    text: typeof sent.text === "string" ? sent.text.slice(0, 5000) : "",
    kind: typeof sent.kind === "string" ? sent.kind : "",
    sector: typeof sent.sector === "string" ? sent.sector : "",
    theme: typeof sent.theme === "string" ? sent.theme : "",
  };
  if (!(await getServices(context).contributionLimit(getRequestInfo(context).clientAddress))) {
    return refused(context, rateLimited("harvest.form.tooMany"), { values });
  }
  const result = await contribute(getServices(context).db, harvest.id, sent);
  if (!result.ok) return refused(context, result, { values });
  // A bot that filled in the honeypot sees the same thanks: it learns nothing.
  return redirect(`/r/${region.slug}/harvest/${harvest.slug}/contribute?sent=1`);
}

export function headers() {
  return { "Cache-Control": "no-store" };
}

export default function Contribute({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  const { region, harvest } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const kinds = useTranslatedOptions("harvest.kinds", KINDS);
  const sectors = useTranslatedOptions("sectors", SECTORS);
  const values = actionData && !actionData.ok ? actionData.values : undefined;
  const sent = params.get("sent") === "1";
  return (
    <div style={regionThemeStyle(region.primaryColor)}>
      <Shell brand={<RegionBrand region={region} />}>
        {harvest ? (
          <>
            <h1 className="utrecht-heading-1">
              {t("harvest.form.title", { title: harvest.title })}
            </h1>
            {harvest.description
              .split(/\n\s*\n/)
              .filter((p) => p.trim())
              .map((p, i) => (
                <p className="utrecht-paragraph lr-plain" key={i}>
                  {p.trim()}
                </p>
              ))}
            {sent ? (
              <>
                <Notice>{t("harvest.form.thanks")}</Notice>
                <p className="utrecht-paragraph">
                  <Link className="utrecht-link" to=".">
                    {t("harvest.form.another")}
                  </Link>
                </p>
              </>
            ) : (
              <>
                <p className="utrecht-paragraph">{t("harvest.form.intro")}</p>
                <PostForm className="lr-form" noValidate>
                  <FormError error={error} />
                  <Field
                    name="text"
                    label={t("harvest.form.text")}
                    description={t("harvest.form.textHint")}
                    multiline
                    rows={6}
                    required
                    maxLength={HARVEST_LIMITS.formText}
                    defaultValue={values?.text}
                    errors={fieldErrors}
                  />
                  <SelectField
                    name="kind"
                    label={t("harvest.form.kind")}
                    options={kinds}
                    defaultValue={values?.kind || "idea"}
                    errors={fieldErrors}
                  />
                  <SelectField
                    name="sector"
                    label={`${t("harvest.form.sector")} ${t("app.optional")}`}
                    options={sectors}
                    emptyLabel={t("harvest.form.noSector")}
                    defaultValue={values?.sector}
                    errors={fieldErrors}
                  />
                  {harvest.strategicThemes.length > 0 ? (
                    <SelectField
                      name="theme"
                      label={`${t("harvest.form.theme")} ${t("app.optional")}`}
                      options={harvest.strategicThemes.map((s) => ({ value: s, label: s }))}
                      emptyLabel={t("harvest.form.noTheme")}
                      defaultValue={values?.theme}
                      errors={fieldErrors}
                    />
                  ) : null}
                  {/* The honeypot: out of sight and out of the tab order; people leave it empty. */}
                  <div className="lr-visually-hidden" aria-hidden="true">
                    <label htmlFor="field-website">{t("harvest.form.honeypot")}</label>
                    <input
                      type="text"
                      id="field-website"
                      name="website"
                      tabIndex={-1}
                      autoComplete="off"
                      defaultValue=""
                    />
                  </div>
                  <p className="utrecht-paragraph lr-muted">{t("harvest.form.privacy")}</p>
                  <SubmitButton>{t("harvest.form.send")}</SubmitButton>
                </PostForm>
              </>
            )}
          </>
        ) : (
          <>
            <h1 className="utrecht-heading-1">{t("harvest.form.closedTitle")}</h1>
            <p className="utrecht-paragraph">{t("harvest.form.closed")}</p>
            <p className="utrecht-paragraph">
              <Link className="utrecht-link" to={`/r/${region.slug}`}>
                {t("harvest.form.toRegion", { region: region.name })}
              </Link>
            </p>
          </>
        )}
      </Shell>
    </div>
  );
}
