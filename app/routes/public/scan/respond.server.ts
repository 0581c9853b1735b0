import { redirect } from "react-router";
import { rateLimited } from "../../../../core/kernel/result.ts";
import { mayRespond } from "../../../../core/scan/limits.ts";
import type { ScanFormPage } from "../../../../core/scan/publicQueries.ts";
import { submitResponse } from "../../../../core/scan/submitResponse.ts";
import { formObject } from "../../../lib/form.server.ts";
import { getRequestInfo, getServices, refused } from "../../../lib/request.server.ts";

type Context = Parameters<typeof getServices>[0];

/** What both public routes send to the page: nothing of the scan's other rounds or people. */
export function pageOf(form: ScanFormPage) {
  return {
    region: form.region,
    scan: { title: form.title, open: form.open, statements: form.statements },
    roundNumber: form.roundNumber,
  };
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
  if (!(await mayRespond(getRequestInfo(context).clientAddress))) {
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
