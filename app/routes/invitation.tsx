import { Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/invitation";
import { acceptInvitation, findInvitation } from "../../core/accounts/acceptInvitation.ts";
import { createSession } from "../../core/accounts/sessions.ts";
import { Field, FormError, PostForm, SubmitButton, useFieldErrors } from "../components/form.tsx";
import { Shell } from "../root.tsx";
import { serializeCookie, SESSION_COOKIE } from "../lib/cookies.server.ts";
import { formObject } from "../lib/form.server.ts";
import { useT } from "../lib/i18n.ts";
import { getRequestInfo, getServices, refused, requestT } from "../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const invitation = await findInvitation(getServices(context).db, params.token);
  const { user } = getRequestInfo(context);
  const t = requestT(context);
  if (!invitation)
    return {
      invitation: null,
      title: t("auth.invitationInvalid"),
      signedInAs: user?.email ?? null,
    };
  return {
    invitation: {
      email: invitation.email,
      role: invitation.role,
      regionName: invitation.regionName,
      hasAccount: invitation.hasAccount,
    },
    title: t("auth.invitationTitle", { region: invitation.regionName }),
    signedInAs: user?.email ?? null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, config } = getServices(context);
  const { user } = getRequestInfo(context);
  const result = await acceptInvitation(
    db,
    params.token,
    user?.id ?? null,
    formObject(await request.formData()),
    { publicUrl: config.publicUrl },
  );
  if (!result.ok) return refused(context, result);
  const headers = new Headers();
  if (result.value.createdAccount) {
    const session = await createSession(db, result.value.userId);
    headers.append(
      "Set-Cookie",
      serializeCookie(SESSION_COOKIE, session.token, {
        secure: config.secureCookies,
        maxAgeSeconds: 14 * 24 * 3600,
      }),
    );
  }
  return redirect(`/manage/${result.value.regionSlug}`, { headers });
}

export default function Invitation({ loaderData, params }: Route.ComponentProps) {
  const t = useT();
  const { fieldErrors, error } = useFieldErrors(useActionData<typeof action>());
  const { invitation, signedInAs } = loaderData;
  if (!invitation) {
    return (
      <Shell>
        <h1 className="utrecht-heading-1">{t("auth.invitationInvalid")}</h1>
      </Shell>
    );
  }
  const values = {
    region: invitation.regionName,
    role: t(`roles.${invitation.role}`),
    email: invitation.email,
  };
  return (
    <Shell>
      <h1 className="utrecht-heading-1">{t("auth.invitationTitle", values)}</h1>
      <p className="utrecht-paragraph">{t("auth.invitationIntro", values)}</p>
      <FormError error={error} />
      {invitation.hasAccount ? (
        signedInAs === invitation.email ? (
          <PostForm>
            <SubmitButton>{t("auth.invitationAccept")}</SubmitButton>
          </PostForm>
        ) : signedInAs ? (
          <p className="utrecht-paragraph">{t("auth.invitationWrongUser", values)}</p>
        ) : (
          <p className="utrecht-paragraph">
            <Link
              className="utrecht-link"
              to={`/login?redirectTo=${encodeURIComponent(`/invitation/${params.token}`)}`}
            >
              {t("auth.invitationExistingAccount", values)}
            </Link>
          </p>
        )
      ) : (
        <PostForm className="lr-form" noValidate>
          <p className="utrecht-paragraph">{t("auth.invitationNewAccount")}</p>
          <Field
            name="name"
            label={t("auth.name")}
            autoComplete="name"
            required
            errors={fieldErrors}
          />
          <Field
            name="password"
            type="password"
            label={t("auth.password")}
            description={t("auth.passwordHint")}
            autoComplete="new-password"
            required
            errors={fieldErrors}
          />
          <SubmitButton>{t("auth.invitationAccept")}</SubmitButton>
        </PostForm>
      )}
    </Shell>
  );
}
