import { Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/verify-email";
import { isVerificationTokenValid, verifyEmail } from "../../core/accounts/verifyEmail.ts";
import { FormError, PostForm, SubmitButton } from "../components/form.tsx";
import { Shell } from "../root.tsx";
import { useT } from "../lib/i18n.ts";
import { getServices, refused, requestT } from "../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

// Opening the link only shows a button: mail scanners open links, and must not verify for anyone.
export async function loader({ params, context }: Route.LoaderArgs) {
  const valid = await isVerificationTokenValid(getServices(context).db, params.token);
  return { valid, title: requestT(context)("emailVerification.title") };
}

export async function action({ params, context }: Route.ActionArgs) {
  const result = await verifyEmail(getServices(context).db, params.token);
  if (!result.ok) return refused(context, result);
  return redirect("/account?done=verified");
}

export default function VerifyEmail({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const invalid = !loaderData.valid || (actionData && !actionData.ok);
  return (
    <Shell>
      <h1 className="utrecht-heading-1">{t("emailVerification.title")}</h1>
      {invalid ? (
        <>
          <FormError error={{ key: "emailVerification.invalid" }} />
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to="/account">
              {t("emailVerification.toAccount")}
            </Link>
          </p>
        </>
      ) : (
        <PostForm className="lr-form">
          <SubmitButton>{t("emailVerification.confirm")}</SubmitButton>
        </PostForm>
      )}
    </Shell>
  );
}
