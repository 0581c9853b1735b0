import { data, Link, redirect, useActionData, useSearchParams } from "react-router";
import type { Route } from "./+types/index";
import { changePassword } from "../../../core/accounts/changePassword.ts";
import { updateProfile } from "../../../core/accounts/updateProfile.ts";
import { requestEmailVerification } from "../../../core/accounts/requestEmailVerification.ts";
import { isEmailVerified } from "../../../core/accounts/verifyEmail.ts";
import { eraseAccount } from "../../../core/privacy/eraseAccount.ts";
import { listMyRegions } from "../../../core/regions/queries.ts";
import type { Result } from "../../../core/kernel/result.ts";
import { LOCALES } from "../../../i18n/index.ts";
import {
  Field,
  FormError,
  Notice,
  PostForm,
  SelectField,
  SubmitButton,
  useFieldErrors,
} from "../../components/form.tsx";
import { Shell } from "../../root.tsx";
import {
  LANG_COOKIE,
  readCookie,
  serializeCookie,
  SESSION_COOKIE,
} from "../../lib/cookies.server.ts";
import { formObject, intent } from "../../lib/form.server.ts";
import { useT } from "../../lib/i18n.ts";
import { getServices, refusedChange, requestT, requireUser } from "../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

const NOTICES = {
  profile: "account.profileSaved",
  password: "account.passwordChanged",
  verified: "emailVerification.done",
  verificationNotSent: "emailVerification.notSent",
} as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(request, context);
  const regions = await listMyRegions(getServices(context).db, user.id);
  return {
    user: {
      name: user.name,
      email: user.email,
      locale: user.locale,
      verified: await isEmailVerified(getServices(context).db, user.id),
    },
    regions: regions.map((r) => ({ slug: r.slug, name: r.name, role: r.role })),
    title: `${requestT(context)("account.title")} · ${requestT(context)("app.name")}`,
  };
}

type Failure = Extract<Result<unknown>, { ok: false }>;

export async function action({ request, context }: Route.ActionArgs) {
  const user = requireUser(request, context);
  const { db, config, loginLimiter } = getServices(context);
  const form = await request.formData();
  const input = formObject(form);
  const refused = (result: Failure, kind: string, values?: Record<string, unknown>) =>
    refusedChange(context, result, kind, values);

  switch (intent(form)) {
    case "verifyEmail": {
      const result = await requestEmailVerification(db, user.id, { publicUrl: config.publicUrl });
      if (!result.ok) return refused(result, "verifyEmail");
      return redirect(
        `/account?done=${result.value.sent ? "verificationSent" : "verificationNotSent"}`,
      );
    }
    case "profile": {
      const result = await updateProfile(db, user.id, input);
      if (!result.ok) return refused(result, "profile", input);
      // The language cookie wins over the account's language, so it must follow the choice.
      return redirect("/account?done=profile", {
        headers: {
          "Set-Cookie": serializeCookie(LANG_COOKIE, result.value.locale, {
            secure: config.secureCookies,
            maxAgeSeconds: 365 * 24 * 3600,
          }),
        },
      });
    }
    case "password": {
      const result = await changePassword(
        db,
        loginLimiter,
        { userId: user.id, sessionToken: readCookie(request, SESSION_COOKIE) },
        input,
      );
      if (!result.ok) return refused(result, "password");
      return redirect("/account?done=password");
    }
    case "erase": {
      const result = await eraseAccount(db, loginLimiter, user.id, input);
      if (!result.ok) return refused(result, "erase");
      return redirect("/account/erased", {
        headers: {
          "Set-Cookie": serializeCookie(SESSION_COOKIE, "", {
            secure: config.secureCookies,
            maxAgeSeconds: 0,
          }),
        },
      });
    }
    default:
      throw data({ message: requestT(context)("errors.badRequest") }, { status: 400 });
  }
}

export default function Account({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const { fieldErrors, error } = useFieldErrors(actionData);
  const [params] = useSearchParams();
  const { user, regions } = loaderData;
  const failed = actionData && "intent" in actionData ? actionData.intent : undefined;
  const errorsFor = (kind: string) => (failed === kind ? fieldErrors : undefined);
  const errorFor = (kind: string) => (failed === kind ? error : undefined);
  const sent =
    failed === "profile" && actionData && "values" in actionData ? actionData.values : undefined;
  const done = params.get("done");
  const notice = done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : null;
  const languageOptions = LOCALES.map((l) => ({ value: l, label: t(`app.languageName.${l}`) }));
  return (
    <Shell>
      <h1 className="utrecht-heading-1">{t("account.title")}</h1>
      {notice && !actionData ? <Notice>{t(notice)}</Notice> : null}
      {done === "verificationSent" && !actionData ? (
        <Notice>{t("emailVerification.sent", { email: user.email })}</Notice>
      ) : null}
      {!user.verified ? (
        <Notice kind="warning">
          {t("emailVerification.notVerified")}
          <PostForm className="lr-form">
            <input type="hidden" name="_intent" value="verifyEmail" />
            <SubmitButton>{t("emailVerification.send")}</SubmitButton>
          </PostForm>
        </Notice>
      ) : null}

      <section aria-labelledby="profile-title" className="lr-section">
        <h2 className="utrecht-heading-2" id="profile-title">
          {t("account.profileTitle")}
        </h2>
        <p className="utrecht-paragraph">{t("account.emailHint", { email: user.email })}</p>
        <PostForm className="lr-form" noValidate>
          <FormError error={errorFor("profile")} />
          <input type="hidden" name="_intent" value="profile" />
          <Field
            name="name"
            label={t("account.name")}
            autoComplete="name"
            required
            maxLength={200}
            defaultValue={typeof sent?.name === "string" ? sent.name : user.name}
            errors={errorsFor("profile")}
          />
          <SelectField
            name="locale"
            label={t("account.language")}
            options={languageOptions}
            defaultValue={typeof sent?.locale === "string" ? sent.locale : user.locale}
            required
            errors={errorsFor("profile")}
          />
          <SubmitButton>{t("app.save")}</SubmitButton>
        </PostForm>
      </section>

      <section aria-labelledby="password-title" className="lr-section">
        <h2 className="utrecht-heading-2" id="password-title">
          {t("account.passwordTitle")}
        </h2>
        <PostForm className="lr-form" noValidate>
          <FormError error={errorFor("password")} />
          <input type="hidden" name="_intent" value="password" />
          {/* Lets password managers tie the new password to the right account. */}
          <input
            type="text"
            name="username"
            autoComplete="username"
            value={user.email}
            readOnly
            hidden
          />
          <Field
            name="currentPassword"
            type="password"
            label={t("account.currentPassword")}
            autoComplete="current-password"
            required
            errors={errorsFor("password")}
          />
          <Field
            name="newPassword"
            type="password"
            label={t("account.newPassword")}
            description={t("account.newPasswordHint")}
            autoComplete="new-password"
            required
            maxLength={200}
            errors={errorsFor("password")}
          />
          <SubmitButton>{t("account.changePassword")}</SubmitButton>
        </PostForm>
      </section>

      <section aria-labelledby="regions-title" className="lr-section">
        <h2 className="utrecht-heading-2" id="regions-title">
          {t("account.regionsTitle")}
        </h2>
        {regions.length === 0 ? (
          <p className="utrecht-paragraph">{t("account.noRegions")}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {regions.map((r) => (
              <li className="utrecht-unordered-list__item" key={r.slug}>
                <Link className="utrecht-link" to={`/manage/${r.slug}`}>
                  {r.name}
                </Link>
                : {t(`roles.${r.role}`)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="privacy-title" className="lr-section">
        <h2 className="utrecht-heading-2" id="privacy-title">
          {t("account.privacyTitle")}
        </h2>
        <p className="utrecht-paragraph">{t("account.privacyIntro")}</p>

        <h3 className="utrecht-heading-3">{t("account.exportTitle")}</h3>
        <p className="utrecht-paragraph">{t("account.exportIntro")}</p>
        <p className="utrecht-paragraph">
          <a
            className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
            href="/account/export.json"
            download={t("account.exportFileName")}
          >
            {t("account.exportLink")}
          </a>
        </p>

        <h3 className="utrecht-heading-3" id="erase-title">
          {t("account.eraseTitle")}
        </h3>
        <p className="utrecht-paragraph">{t("account.eraseIntro")}</p>
        <PostForm className="lr-form lr-danger-zone" aria-labelledby="erase-title" noValidate>
          <FormError error={errorFor("erase")} />
          <input type="hidden" name="_intent" value="erase" />
          <Field
            name="confirmEmail"
            type="email"
            label={t("account.confirmEmail")}
            autoComplete="off"
            required
            maxLength={254}
            errors={errorsFor("erase")}
          />
          <Field
            name="password"
            type="password"
            label={t("account.erasePassword")}
            autoComplete="current-password"
            required
            errors={errorsFor("erase")}
          />
          <SubmitButton kind="danger">{t("account.eraseButton")}</SubmitButton>
        </PostForm>
      </section>
    </Shell>
  );
}
