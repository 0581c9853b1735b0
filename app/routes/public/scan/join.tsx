import { Form, redirect } from "react-router";
import type { Route } from "./+types/join";
import { findPublicRegion } from "../../../../core/regions/queries.ts";
import { scanFormByCode } from "../../../../core/scan/publicQueries.ts";
import { Shell } from "../../../root.tsx";
import { FormError, SubmitButton } from "../../../components/form.tsx";
import { useT } from "../../../lib/i18n.ts";
import { getRequestInfo, getServices, notFound, requestT } from "../../../lib/request.server.ts";
import { RegionBrand, regionThemeStyle } from "../../manage/layout.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }, { name: "robots", content: "noindex" }];
}

/**
 * Where a respondent types the code they were given: a GET form, so it needs no token and no
 * JavaScript; a known code goes on to its round's form.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const region = /^[a-z0-9-]{1,80}$/.test(params.slug)
    ? await findPublicRegion(db, params.slug)
    : undefined;
  if (!region) notFound(context);
  const code = new URL(request.url).searchParams.get("code");
  let unknown = false;
  if (code !== null) {
    const form = await scanFormByCode(db, region.slug, code, getRequestInfo(context).locale);
    if (form?.open)
      throw redirect(`/r/${region.slug}/scan/${code.toUpperCase().replace(/[\s-]/g, "")}`);
    unknown = true;
  }
  return {
    region: {
      slug: region.slug,
      name: region.name,
      primaryColor: region.primary_color,
      hasLogo: region.logo_mime !== null,
    },
    code: code ?? "",
    unknown,
    pageTitle: `${requestT(context)("scan.form.codeTitle")} · ${region.name}`,
  };
}

export default function ScanJoin({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { region, code, unknown } = loaderData;
  return (
    <div style={regionThemeStyle(region.primaryColor)}>
      <Shell brand={<RegionBrand region={region} />}>
        <h1 className="utrecht-heading-1">{t("scan.form.codeTitle")}</h1>
        {unknown ? <FormError error={{ key: "scan.form.codeUnknown" }} /> : null}
        <Form method="get" className="lr-form">
          <div className={`utrecht-form-field${unknown ? " utrecht-form-field--invalid" : ""}`}>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="field-code">
                {t("scan.form.codeLabel")}
              </label>
            </div>
            <div className="utrecht-form-field-description" id="field-code-description">
              {t("scan.form.codeHint")}
            </div>
            <div className="utrecht-form-field__input">
              <input
                id="field-code"
                name="code"
                className="utrecht-textbox utrecht-textbox--html-input"
                autoComplete="off"
                autoCapitalize="characters"
                maxLength={12}
                defaultValue={code}
                aria-invalid={unknown || undefined}
                aria-describedby="field-code-description"
              />
            </div>
          </div>
          <SubmitButton>{t("scan.form.codeGo")}</SubmitButton>
        </Form>
      </Shell>
    </div>
  );
}
