import { redirect } from "react-router";
import type { Route } from "./+types/language";
import { isLocale } from "../../i18n/index.ts";
import { LANG_COOKIE, serializeCookie } from "../lib/cookies.server.ts";
import { getRequestInfo, getServices } from "../lib/request.server.ts";

/** Only paths on this site, so the form cannot be used to send people elsewhere. */
export function safeRedirect(to: FormDataEntryValue | string | null, fallback = "/"): string {
  return typeof to === "string" &&
    to.startsWith("/") &&
    !to.startsWith("//") &&
    !to.startsWith("/\\")
    ? to
    : fallback;
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  const lang = form.get("lang");
  const { user } = getRequestInfo(context);
  const { db, config } = getServices(context);
  const headers = new Headers();
  if (isLocale(lang)) {
    headers.append(
      "Set-Cookie",
      serializeCookie(LANG_COOKIE, lang, {
        secure: config.secureCookies,
        maxAgeSeconds: 365 * 24 * 3600,
      }),
    );
    if (user)
      await db.updateTable("users").set({ locale: lang }).where("id", "=", user.id).execute();
  }
  return redirect(safeRedirect(form.get("redirectTo")), { headers });
}

export function loader() {
  return redirect("/");
}
