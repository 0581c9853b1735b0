import { Link, redirect, useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/login";
import { signIn } from "../../core/accounts/signIn.ts";
import { findSessionUser } from "../../core/accounts/sessions.ts";
import type { Db } from "../../core/kernel/scope.ts";
import { listMyRegions } from "../../core/regions/queries.ts";
import {
  Field,
  FormError,
  Notice,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../components/form.tsx";
import { Shell } from "../root.tsx";
import { serializeCookie, SESSION_COOKIE } from "../lib/cookies.server.ts";
import { formObject } from "../lib/form.server.ts";
import { useT } from "../lib/i18n.ts";
import { getRequestInfo, getServices, refused, requestT } from "../lib/request.server.ts";
import { safeRedirect } from "./language.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export function loader({ request, context }: Route.LoaderArgs) {
  if (getRequestInfo(context).user)
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return { title: `${requestT(context)("auth.signInTitle")} · ${requestT(context)("app.name")}` };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, loginLimiter, config } = getServices(context);
  const form = await request.formData();
  const result = await signIn(
    db,
    loginLimiter,
    formObject(form),
    getRequestInfo(context).clientAddress,
  );
  if (!result.ok) return refused(context, result);
  const asked = new URL(request.url).searchParams.get("redirectTo");
  const maxAge = Math.floor((result.value.expiresAt.getTime() - Date.now()) / 1000);
  return redirect(asked ? safeRedirect(asked) : await landing(db, result.value.token), {
    headers: {
      "Set-Cookie": serializeCookie(SESSION_COOKIE, result.value.token, {
        secure: config.secureCookies,
        maxAgeSeconds: maxAge,
      }),
    },
  });
}

/**
 * Where a sign-in without a destination lands: someone in one region goes straight to it (for
 * organisers and facilitators its dashboard, "waar staan we?"); someone in several regions, in
 * none, or a platform administrator, who also creates regions, gets the list of regions.
 */
async function landing(db: Db, sessionToken: string) {
  const user = await findSessionUser(db, sessionToken);
  if (!user || user.isPlatformAdmin) return "/";
  const regions = await listMyRegions(db, user.id);
  return regions.length === 1 ? `/manage/${regions[0]!.slug}` : "/";
}

export default function Login() {
  const t = useT();
  const { fieldErrors, error } = useFieldErrors(useActionData<typeof action>());
  const [params] = useSearchParams();
  return (
    <Shell>
      <h1 className="utrecht-heading-1">{t("auth.signInTitle")}</h1>
      {params.get("signedOut") ? <Notice>{t("auth.signedOut")}</Notice> : null}
      {params.get("reset") ? <Notice>{t("auth.resetDone")}</Notice> : null}
      <PostForm className="lr-form" noValidate>
        <FormError error={error} />
        <Field
          name="email"
          type="email"
          label={t("auth.email")}
          autoComplete="username"
          required
          errors={fieldErrors}
        />
        <Field
          name="password"
          type="password"
          label={t("auth.password")}
          autoComplete="current-password"
          required
          errors={fieldErrors}
        />
        <div className="lr-actions">
          <SubmitButton>{t("auth.signIn")}</SubmitButton>
          <Link className="utrecht-link" to="/forgot-password">
            {t("auth.forgotPassword")}
          </Link>
        </div>
      </PostForm>
    </Shell>
  );
}
