import { Link } from "react-router";
import type { Route } from "./+types/erased";
import { Shell } from "../../root.tsx";
import { useT } from "../../lib/i18n.ts";
import { requestT } from "../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }];
}

export function loader({ context }: Route.LoaderArgs) {
  return { title: requestT(context)("account.erasedTitle") };
}

export default function Erased() {
  const t = useT();
  return (
    <Shell>
      <h1 className="utrecht-heading-1">{t("account.erasedTitle")}</h1>
      <p className="utrecht-paragraph">{t("account.erasedText")}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/">
          {t("errors.homeLink")}
        </Link>
      </p>
    </Shell>
  );
}
