import { data, redirect, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { findSessionUser } from "../../core/accounts/sessions.ts";
import { findRegionScope } from "../../core/regions/queries.ts";
import { HTTP_STATUS, type Failure } from "../../core/kernel/result.ts";
import { formTextSchema, queryStringSchema, validate } from "../../core/kernel/validate.ts";
import { hasRole, type Role } from "../../core/kernel/scope.ts";
import { isLocale, translator, type Locale } from "../../i18n/index.ts";
import {
  CSRF_COOKIE,
  LANG_COOKIE,
  LANG_COOKIE_MAX_AGE,
  newCsrfToken,
  readCookie,
  sameToken,
  serializeCookie,
  SESSION_COOKIE,
} from "./cookies.server.ts";
import { negotiateLocale } from "./locale.server.ts";
import {
  clientAddressContext,
  requestInfoContext,
  servicesContext,
  type RequestInfo,
} from "./services.server.ts";

type Context = Readonly<RouterContextProvider>;

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Runs before every loader and action: finds the signed-in user, picks the language, and checks
 * the CSRF token of every form post. Signed-in forms carry the session's token; anonymous forms
 * (sign-in, password reset, invitation) carry a token from an HttpOnly cookie (double submit).
 */
export const requestMiddleware: MiddlewareFunction<Response> = async (
  { request, context },
  next,
) => {
  const { db, config } = context.get(servicesContext);
  const sessionToken = readCookie(request, SESSION_COOKIE);
  const user = sessionToken ? await findSessionUser(db, sessionToken) : null;
  const cookieToken = readCookie(request, CSRF_COOKIE);
  const anonymousToken = cookieToken ?? newCsrfToken();
  const csrfToken = user?.csrfToken ?? anonymousToken;
  const locale = negotiateLocale(request, user?.locale);
  const info: RequestInfo = {
    user,
    locale,
    csrfToken,
    clientAddress: context.get(clientAddressContext),
  };
  context.set(requestInfoContext, info);

  const form = UNSAFE.has(request.method) ? await submittedForm(request) : null;
  if (UNSAFE.has(request.method)) {
    const origin = request.headers.get("Origin");
    const sent = request.headers.get("X-CSRF-Token") ?? formString(form, "_csrf");
    const sameOrigin =
      !origin ||
      origin === new URL(request.url).origin ||
      origin === new URL(config.publicUrl).origin;
    if (!sameOrigin || !sameToken(sent, csrfToken)) {
      throw data({ message: translator(locale)("errors.csrf") }, { status: 403 });
    }
  }
  refuseUnstorableText(request, form, locale);

  const response = await next();
  // Only a page can hold a form that needs the token. A file (a calendar feed, a CSV, an image)
  // carries no cookie, so that a shared cache may keep a public one for everybody.
  const isPage = (response.headers.get("Content-Type") ?? "").startsWith("text/html");
  // A page carries a form token and often a name: a browser may keep it, a shared cache never.
  if (isPage && !response.headers.has("Cache-Control"))
    response.headers.set("Cache-Control", "private, no-cache");
  if (!cookieToken && isPage) {
    response.headers.append(
      "Set-Cookie",
      serializeCookie(CSRF_COOKIE, anonymousToken, { secure: config.secureCookies }),
    );
  }
  // The language is kept per browser: one that has none yet keeps the account's as it is now,
  // so that switching in another browser (which changes the account's) leaves this one be.
  if (user && isPage && !isLocale(readCookie(request, LANG_COOKIE))) {
    response.headers.append(
      "Set-Cookie",
      serializeCookie(LANG_COOKIE, locale, {
        secure: config.secureCookies,
        maxAgeSeconds: LANG_COOKIE_MAX_AGE,
      }),
    );
  }
  return response;
};

/** The posted form (a copy: the action reads the body again), or null when there is none. */
async function submittedForm(request: Request): Promise<FormData | null> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.includes("form")) return null;
  try {
    return await request.clone().formData();
  } catch {
    return null;
  }
}

function formString(form: FormData | null, name: string): string | null {
  const value = form?.get(name);
  return typeof value === "string" ? value : null;
}

/**
 * The one door for text from a URL or a form: the query string (and the path's parameters) within
 * limits, and no text the database cannot store (a NUL character) in the path, the query string or
 * any form field. What fails is refused here with a translated page (400), before any loader or
 * action could send it to a query; each route's schema then checks its own fields.
 */
function refuseUnstorableText(request: Request, form: FormData | null, locale: Locale): void {
  const url = new URL(request.url);
  let path = url.pathname;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    // Malformed escapes are refused before the router (server/app.ts); here they are only text.
  }
  const checks = [
    validate(queryStringSchema, [...url.searchParams, ["", path]]),
    ...(form
      ? [
          validate(
            formTextSchema,
            [...form].flatMap(([name, value]) =>
              typeof value === "string" ? [[name, value]] : [[name, value.name]],
            ),
          ),
        ]
      : []),
  ];
  for (const result of checks) {
    if (result.ok) continue;
    // The schemas' messages are errors.* keys; `validate` already made each one a catalog key.
    const first = Object.values(result.fieldErrors ?? {})[0] ?? result.error;
    throw data({ message: translator(locale)(first.key, first.values) }, { status: 400 });
  }
}

export function getRequestInfo(context: Context): RequestInfo {
  return context.get(requestInfoContext);
}

export function getServices(context: Context) {
  return context.get(servicesContext);
}

/** The translate function in the request's language. */
export function requestT(context: Context) {
  return translator(getRequestInfo(context).locale);
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export function requireUser(request: Request, context: Context) {
  const { user } = getRequestInfo(context);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

export function notFound(context: Context): never {
  const t = requestT(context);
  throw data({ message: t("errors.notFound") }, { status: 404 });
}

/**
 * A failure from the core as the route's answer, with the status its kind stands for (one table,
 * `HTTP_STATUS`); a record that is gone or another region's gets the 404 page, as an id that never
 * existed does. `extra` is merged into the action data (the form's `intent`, `values` to show).
 */
/** A failure as an error page (for downloads and loaders, which have no form to show it on). */
export function refusedPage(context: Context, result: Failure): never {
  throw data(
    { message: requestT(context)(result.error.key) },
    { status: HTTP_STATUS[result.kind] },
  );
}

export function refused<E extends object = object>(context: Context, result: Failure, extra?: E) {
  if (result.kind === "notFound") refusedPage(context, result);
  return data(
    { ...result, ...(extra as E) },
    {
      status: HTTP_STATUS[result.kind],
      headers: result.kind === "rateLimited" ? { "Retry-After": "60" } : undefined,
    },
  );
}

/** A change the core refused, as action data for the form that sent it. */
export function refusedChange<const I extends string, V>(
  context: Context,
  result: Failure,
  intent: I,
  values: V,
) {
  return refused(context, result, { intent, values });
}

// The layout and the page of one request both ask for the region; one query answers both.
const regionLookups = new WeakMap<object, Map<string, ReturnType<typeof findRegionScope>>>();

function regionScopeOnce(context: Context, userId: string, slug: string) {
  let perRequest = regionLookups.get(context);
  if (!perRequest) regionLookups.set(context, (perRequest = new Map()));
  let lookup = perRequest.get(slug);
  if (!lookup)
    perRequest.set(slug, (lookup = findRegionScope(getServices(context).db, userId, slug)));
  return lookup;
}

/**
 * The region of the URL, for a member with at least `needed` role. Anyone else gets 404, exactly
 * as for a region that does not exist: other regions are not even confirmed to exist.
 */
export async function requireRegion(
  request: Request,
  context: Context,
  slug: string | undefined,
  needed: Role = "member",
) {
  const user = requireUser(request, context);
  const found = slug ? await regionScopeOnce(context, user.id, slug) : null;
  if (!found) notFound(context);
  if (!hasRole(found.scope.role, needed)) {
    throw data({ message: requestT(context)("errors.forbidden") }, { status: 403 });
  }
  return { ...found, user };
}
