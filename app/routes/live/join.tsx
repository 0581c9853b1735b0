import { Form, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/join";
import { normaliseJoinCode } from "../../../core/dialogue/joinCode.ts";
import { Notice } from "../../components/form.tsx";
import { Shell } from "../../root.tsx";
import { useT } from "../../lib/i18n.ts";
import { requestT } from "../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

/** A GET form: the code goes into the address, so the page works without JavaScript or cookies. */
export function loader({ request, context }: Route.LoaderArgs) {
  const code = new URL(request.url).searchParams.get("code");
  if (code !== null) {
    const normal = normaliseJoinCode(code);
    if (normal) throw redirect(`/live/${normal}`);
  }
  return { title: requestT(context)("dialogue.joinTitle"), invalid: code !== null };
}

export default function Join({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const [params] = useSearchParams();
  return (
    <Shell>
      <h1 className="utrecht-heading-1">{t("dialogue.joinTitle")}</h1>
      {loaderData.invalid ? <Notice kind="warning">{t("dialogue.unknownCode")}</Notice> : null}
      <Form method="get" className="lr-form">
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="code">
            {t("dialogue.joinCode")}
          </label>
          <div className="utrecht-form-field-description" id="code-hint">
            {t("dialogue.joinIntro")}
          </div>
          <input
            id="code"
            name="code"
            aria-describedby="code-hint"
            autoComplete="off"
            autoCapitalize="characters"
            inputMode="text"
            maxLength={12}
            defaultValue={params.get("code") ?? ""}
            className="utrecht-textbox utrecht-textbox--html-input"
          />
        </div>
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {t("dialogue.joinButton")}
        </button>
      </Form>
    </Shell>
  );
}
