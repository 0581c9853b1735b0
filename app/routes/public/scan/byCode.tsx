import { data } from "react-router";
import type { Route } from "./+types/byCode";
import { scanFormByCode } from "../../../../core/scan/publicQueries.ts";
import { Shell } from "../../../root.tsx";
import { useFieldErrors } from "../../../components/form.tsx";
import { useT } from "../../../lib/i18n.ts";
import { getRequestInfo, getServices, notFound, requestT } from "../../../lib/request.server.ts";
import { RegionBrand, regionThemeStyle } from "../../manage/layout.tsx";
import { ScanNotices, ScanResponseForm } from "./ScanForm.tsx";
import { pageOf, respond, sentOf } from "./respond.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }, { name: "robots", content: "noindex" }];
}

async function find(context: Route.LoaderArgs["context"], slug: string, code: string) {
  const form = await scanFormByCode(
    getServices(context).db,
    slug,
    code,
    getRequestInfo(context).locale,
  );
  if (!form) notFound(context);
  return form;
}

/** A round's form by its join code, at its own region's address; a closed round says so (410). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const form = await find(context, params.slug, params.code);
  const t = requestT(context);
  const page = {
    ...pageOf(form),
    sent: sentOf(request),
    pageTitle: `${t("scan.form.title", { title: form.title })} · ${form.region.name}`,
  };
  return form.open ? page : data(page, { status: 410 });
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await find(context, params.slug, params.code);
  return respond(request, context, form, `/r/${form.region.slug}/scan/${params.code}`);
}

export function headers() {
  return { "Cache-Control": "no-store" };
}

export default function ScanByCode({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { region, scan, sent } = loaderData;
  const { fieldErrors, error } = useFieldErrors(actionData);
  const values = actionData && "values" in actionData ? actionData.values : undefined;
  return (
    <div style={regionThemeStyle(region.primaryColor)}>
      <Shell brand={<RegionBrand region={region} />}>
        <h1 className="utrecht-heading-1">
          {scan.open ? t("scan.form.title", { title: scan.title }) : t("scan.form.closedTitle")}
        </h1>
        {sent ? (
          <ScanNotices sent={sent} region={region} />
        ) : scan.open ? (
          <ScanResponseForm scan={scan} values={values} fieldErrors={fieldErrors} error={error} />
        ) : (
          <>
            <p className="utrecht-paragraph">{t("scan.form.closed")}</p>
            <ScanNotices sent={null} region={region} />
          </>
        )}
      </Shell>
    </div>
  );
}
