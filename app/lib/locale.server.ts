import Negotiator from "negotiator";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "../../i18n/index.ts";
import { LANG_COOKIE, readCookie } from "./cookies.server.ts";

/**
 * The language of an answer: the one chosen with the switch (cookie), else the account's, else
 * the browser's (`Accept-Language`), else Dutch. Also used by the server's own answers that come
 * before any route (server/app.ts), which know no account.
 */
export function negotiateLocale(request: Request, userLocale?: Locale): Locale {
  const chosen = readCookie(request, LANG_COOKIE);
  if (isLocale(chosen)) return chosen;
  if (userLocale) return userLocale;
  const fromHeader = new Negotiator({
    headers: { "accept-language": request.headers.get("Accept-Language") ?? "" },
  }).language([...LOCALES]);
  return isLocale(fromHeader) ? fromHeader : DEFAULT_LOCALE;
}
