import { redirect } from "react-router";
import type { Route } from "./+types/language";
import { setLanguage } from "../../core/accounts/updateProfile.ts";
import { isLocale } from "../../i18n/index.ts";
import { LANG_COOKIE, LANG_COOKIE_MAX_AGE, serializeCookie } from "../lib/cookies.server.ts";
import { getRequestInfo, getServices } from "../lib/request.server.ts";

/** Only paths on this site, so the form cannot be used to send people elsewhere. */
/**
 * A path on this site to go back to, or `fallback`. The value is read the way a browser reads a
 * Location header (WHATWG URL: tabs and line breaks dropped, backslashes as slashes), so
 * `/%09/evil.example` or `/\\evil.example` cannot turn into another host; what goes out is the
 * parsed path, which carries no control characters into the header.
 */
export function safeRedirect(to: FormDataEntryValue | string | null, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.length > 2000) return fallback;
  const base = "http://here.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? fallback : path;
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
        maxAgeSeconds: LANG_COOKIE_MAX_AGE,
      }),
    );
    // The account's language is the default of a browser that has not chosen one yet (and of
    // the mails); a browser that has keeps its own.
    if (user) await setLanguage(db, user.id, lang);
  }
  return redirect(safeRedirect(form.get("redirectTo")), { headers });
}

export function loader() {
  return redirect("/");
}
