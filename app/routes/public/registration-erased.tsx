import { Link } from "react-router";
import type { Route } from "./+types/registration-erased";
import { useT } from "../../lib/i18n.ts";
import { requestT } from "../../lib/request.server.ts";
import { Shell } from "../../root.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }, { name: "robots", content: "noindex, nofollow" }];
}

/** Where the registrant lands after erasing: their link no longer works, so it cannot show this. */
export function loader({ request, context }: Route.LoaderArgs) {
  const region = new URL(request.url).searchParams.get("r") ?? "";
  return {
    pageTitle: requestT(context)("events.erasedTitle"),
    agenda: /^[a-z0-9]+(-[a-z0-9]+)*$/.test(region) ? `/r/${region}/events` : null,
  };
}

export default function RegistrationErased({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <Shell>
      <h1 className="utrecht-heading-1">{t("events.erasedTitle")}</h1>
      <div className="utrecht-alert utrecht-alert--ok" role="status">
        <p className="utrecht-paragraph">{t("events.erasedDone")}</p>
      </div>
      {loaderData.agenda ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={loaderData.agenda}>
            {t("events.backToAgenda")}
          </Link>
        </p>
      ) : null}
    </Shell>
  );
}
