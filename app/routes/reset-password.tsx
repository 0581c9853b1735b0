import { redirect, useActionData } from "react-router";
import type { Route } from "./+types/reset-password";
import { isResetTokenValid, resetPassword } from "../../core/accounts/resetPassword.ts";
import { Field, FormError, PostForm, SubmitButton, useFieldErrors } from "../components/form.tsx";
import { Shell } from "../root.tsx";
import { formObject } from "../lib/form.server.ts";
import { useT } from "../lib/i18n.ts";
import { getRequestInfo, getServices, refused, requestT } from "../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const valid = await isResetTokenValid(getServices(context).db, params.token);
  return { valid, title: requestT(context)("auth.resetChoose") };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { db, loginLimiter } = getServices(context);
  const result = await resetPassword(db, params.token, formObject(await request.formData()));
  if (!result.ok) return refused(context, result);
  // Whoever holds the mailbox may sign in from here right away, even after mistyping before.
  await loginLimiter.forgive(result.value.email, getRequestInfo(context).clientAddress);
  return redirect("/login?reset=1");
}

export default function ResetPassword({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { fieldErrors, error } = useFieldErrors(useActionData<typeof action>());
  return (
    <Shell>
      <h1 className="utrecht-heading-1">{t("auth.resetChoose")}</h1>
      {!loaderData.valid ? (
        <FormError error={{ key: "auth.resetInvalid" }} />
      ) : (
        <PostForm className="lr-form" noValidate>
          <FormError error={error} />
          <Field
            name="password"
            type="password"
            label={t("auth.newPassword")}
            description={t("auth.passwordHint")}
            autoComplete="new-password"
            required
            errors={fieldErrors}
          />
          <SubmitButton>{t("app.save")}</SubmitButton>
        </PostForm>
      )}
    </Shell>
  );
}
