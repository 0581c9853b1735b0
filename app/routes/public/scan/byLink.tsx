import type { Route } from "./+types/byLink";
import { linkAnswered, scanFormByLink } from "../../../../core/scan/publicQueries.ts";
import { getRequestInfo, getServices, notFound } from "../../../lib/request.server.ts";
import { ScanPage } from "./ScanForm.tsx";
import { loadPage, respond, sentOf } from "./respond.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }, { name: "robots", content: "noindex" }];
}

async function find(context: Route.LoaderArgs["context"], token: string) {
  const form = await scanFormByLink(getServices(context).db, token, getRequestInfo(context).locale);
  if (!form) notFound(context);
  return form;
}

/**
 * A round's form behind a personal link (signed; nothing about the person is stored). A link that
 * answered already shows that instead of the form: it gives one response.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const form = await find(context, params.token);
  const answered =
    form.nonce !== null && (await linkAnswered(getServices(context).db, form.roundId, form.nonce));
  return loadPage(context, form, sentOf(request) ?? (answered ? ("already" as const) : null));
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await find(context, params.token);
  return respond(request, context, form, `/scan/${params.token}`);
}

export function headers() {
  return { "Cache-Control": "no-store" };
}

export default function ScanByLink({ loaderData, actionData }: Route.ComponentProps) {
  return <ScanPage loaderData={loaderData} actionData={actionData} />;
}
