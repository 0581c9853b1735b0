import { useActionData } from "react-router";
import type { Route } from "./+types/forgot-password";
import { requestPasswordReset } from "../../core/accounts/requestPasswordReset.ts";
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
import { getRequestInfo, getServices, refused, requestT } from "../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export function loader({ context }: Route.LoaderArgs) {
  return { title: requestT(context)("auth.resetTitle") };
}

/** Long enough for this answer to be out before the job runs, so they do not share its time. */
const JOB_DELAY_MS = 1000;

export async function action({ request, context }: Route.ActionArgs) {
  const { db, config, jobs, resetLimiter } = getServices(context);
  const result = await requestPasswordReset(
    db,
    resetLimiter,
    formObject(await request.formData()),
    getRequestInfo(context).clientAddress,
    { publicUrl: config.publicUrl },
  );
  if (!result.ok) return refused(context, result);
  // The job looks the address up and mails the link; only that work differs for an address with
  // an account, and it runs after the answer (the database and this thread are shared).
  setTimeout(() => void jobs.kick(), JOB_DELAY_MS).unref();
  // The same answer whether or not the address has an account, and whether a link goes out.
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
