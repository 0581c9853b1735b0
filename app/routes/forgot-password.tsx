import { data, useActionData } from "react-router";
import type { Route } from "./+types/forgot-password";
import { requestPasswordReset } from "../../core/accounts/resetPassword.ts";
import {
  Field,
  FormError,
  Notice,
  PostForm,
  SubmitButton,
  useFieldErrors,
} from "../components/form.tsx";
import { Shell } from "../root.tsx";
import { formObject } from "../lib/form.server.ts";
import { useT } from "../lib/i18n.ts";
import { getServices, requestT } from "../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export function loader({ context }: Route.LoaderArgs) {
  return { title: requestT(context)("auth.resetTitle") };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, config, mailer } = getServices(context);
  const result = await requestPasswordReset(db, formObject(await request.formData()), {
    publicUrl: config.publicUrl,
  });
  if (!result.ok) return data(result, { status: 400 });
  void mailer.kick();
  // The same answer whether or not the address has an account.
  return { ok: true as const };
}

export default function ForgotPassword() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const { fieldErrors, error } = useFieldErrors(actionData);
  return (
    <Shell>
      <h1 className="utrecht-heading-1">{t("auth.resetTitle")}</h1>
      {actionData?.ok ? (
        <Notice>{t("auth.resetSent")}</Notice>
      ) : (
        <PostForm className="lr-form" noValidate>
          <p className="utrecht-paragraph">{t("auth.resetIntro")}</p>
          <FormError error={error} />
          <Field
            name="email"
            type="email"
            label={t("auth.email")}
            autoComplete="email"
            required
            errors={fieldErrors}
          />
          <SubmitButton>{t("auth.resetSend")}</SubmitButton>
        </PostForm>
      )}
    </Shell>
  );
}
