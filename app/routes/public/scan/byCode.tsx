import type { Route } from "./+types/byCode";
import { scanFormByCode } from "../../../../core/scan/publicQueries.ts";
import { getRequestInfo, getServices, notFound } from "../../../lib/request.server.ts";
import { ScanPage } from "./ScanForm.tsx";
import { loadPage, respond, sentOf } from "./respond.server.ts";

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
  return loadPage(context, form, sentOf(request));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await find(context, params.slug, params.code);
  return respond(request, context, form, `/r/${form.region.slug}/scan/${params.code}`);
}

export function headers() {
  return { "Cache-Control": "no-store" };
}

export default function ScanByCode({ loaderData, actionData }: Route.ComponentProps) {
  return <ScanPage loaderData={loaderData} actionData={actionData} />;
}
