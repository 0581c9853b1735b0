import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import utrechtCss from "./utrecht.css?url";
import utrechtTokens from "@utrecht/design-tokens/dist/theme.css?url";
import type { ReactNode } from "react";
import type { Route } from "./+types/root";
import appCss from "./app.css?url";
import { PostForm } from "./components/form.tsx";
import { useT } from "./lib/i18n.ts";
import { getRequestInfo, requestMiddleware } from "./lib/request.server.ts";
import type { Locale } from "../i18n/index.ts";

export const middleware: Route.MiddlewareFunction[] = [requestMiddleware];

export const links: Route.LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: utrechtTokens },
  { rel: "stylesheet", href: utrechtCss },
  { rel: "stylesheet", href: appCss },
];

export function loader({ context }: Route.LoaderArgs) {
  const { user, locale, csrfToken } = getRequestInfo(context);
  return {
    locale,
    csrfToken,
    user: user ? { name: user.name, isPlatformAdmin: user.isPlatformAdmin } : null,
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = data?.locale ?? "nl";
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="utrecht-theme utrecht-document">
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

function LanguageSwitch() {
  const t = useT();
  const data = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  const other: Locale = data?.locale === "en" ? "nl" : "en";
  return (
    <PostForm action="/language" reloadDocument>
      <input type="hidden" name="lang" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="lr-linklike" lang={other}>
        {t("app.switchLanguage")}
      </button>
    </PostForm>
  );
}

/** Header, skip link, main landmark and footer around every page. */
export function Shell({
  children,
  brand,
  regionNav,
}: {
  children: ReactNode;
  brand?: ReactNode;
  regionNav?: ReactNode;
}) {
  const t = useT();
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user;
  return (
    <div className="lr-shell">
      <a className="lr-skip" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="lr-header">
        <div className="lr-header__inner">
          {brand ?? (
            <Link to="/" className="lr-brand">
              {t("app.name")}
            </Link>
          )}
          <nav aria-label={t("app.mainNav")} className="lr-usernav">
            {user ? (
              <>
                <Link to="/">{t("nav.home")}</Link>
                <Link to="/account">{t("nav.account")}</Link>
                <PostForm action="/logout" reloadDocument>
                  <button type="submit" className="lr-linklike">
                    {t("nav.signOut")}
                  </button>
                </PostForm>
              </>
            ) : (
              <Link to="/login">{t("nav.signIn")}</Link>
            )}
            <LanguageSwitch />
          </nav>
        </div>
      </header>
      {regionNav}
      <main id="main" className="lr-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="lr-footer">
        <div className="lr-footer__inner">
          <p className="utrecht-paragraph utrecht-paragraph--small">{t("app.footer")}</p>
        </div>
      </footer>
    </div>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  let title = t("errors.serverTitle");
  let message = t("errors.server");
  if (isRouteErrorResponse(error)) {
    const given = (error.data as { message?: string } | undefined)?.message;
    if (error.status === 404) title = t("errors.notFoundTitle");
    else if (error.status === 403) title = t("errors.forbiddenTitle");
    else if (error.status < 500) title = t("errors.badRequest");
    message = given ?? (error.status === 404 ? t("errors.notFound") : message);
  }
  return (
    <Shell>
      {/* An error page has no route meta; React puts this title in the head. */}
      <title>{title}</title>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">{message}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/">
          {t("errors.homeLink")}
        </Link>
      </p>
    </Shell>
  );
}
