import { data, redirect } from "react-router";
import { rateLimited } from "../../../../core/kernel/result.ts";
import type { ScanFormPage } from "../../../../core/scan/publicQueries.ts";
import { submitResponse } from "../../../../core/scan/submitResponse.ts";
import { formObject } from "../../../lib/form.server.ts";
import { getRequestInfo, getServices, refused, requestT } from "../../../lib/request.server.ts";

type Context = Parameters<typeof getServices>[0];

function pageOf(form: ScanFormPage) {
  return {
    region: form.region,
    scan: { title: form.title, open: form.open, statements: form.statements },
    roundNumber: form.roundNumber,
  };
}

/**
 * What both public routes load: the form without anything of the scan's other rounds or people,
 * the outcome of a post just made, and a 410 for a closed round so that it is not mistaken for a
 * form that still takes answers.
 */
export function loadPage(context: Context, form: ScanFormPage, sent: "stored" | "already" | null) {
  const t = requestT(context);
  const page = {
    ...pageOf(form),
    sent,
    pageTitle: `${t("scan.form.title", { title: form.title })} · ${form.region.name}`,
  };
  return form.open ? page : data(page, { status: 410 });
}

/**
 * The public form's post, by join code or by personal link: the rate limit per client address,
 * then the response; success goes back to the page (post/redirect/get) saying what happened.
 */
export async function respond(
  request: Request,
  context: Context,
  form: ScanFormPage,
  here: string,
) {
  const sent = formObject(await request.formData());
  if (!(await getServices(context).scanResponseLimit(getRequestInfo(context).clientAddress))) {
    return refused(context, rateLimited("scan.form.tooMany"), { values: sent });
  }
  const r = await submitResponse(getServices(context).db, form, sent);
  if (!r.ok) return refused(context, r, { values: sent });
  return redirect(`${here}?sent=${r.value.outcome === "alreadyAnswered" ? "already" : "stored"}`);
}

export function sentOf(request: Request): "stored" | "already" | null {
  const sent = new URL(request.url).searchParams.get("sent");
  return sent === "stored" || sent === "already" ? sent : null;
}
