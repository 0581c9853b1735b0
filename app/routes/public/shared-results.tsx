import { data } from "react-router";
import type { Route } from "./+types/shared-results";
import { sessionDate } from "../../../core/dialogue/resultsText.ts";
import { sharedSessionResults } from "../../../core/dialogue/publicQueries.ts";
import { SessionResults } from "../../components/dialogue/SessionResults.tsx";
import { useT } from "../../lib/i18n.ts";
import { getRequestInfo, getServices, requestT } from "../../lib/request.server.ts";
import { Shell } from "../../root.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [
    { title: loaderData?.pageTitle },
    // A shared link is for whoever was given it, not for search engines.
    { name: "robots", content: "noindex, nofollow" },
    { name: "referrer", content: "no-referrer" },
  ];
}

/**
 * The results of a session for anyone with the link, while the facilitator shares them: no
 * account, no names. An unknown token and one whose sharing was turned off look the same (404).
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const results = await sharedSessionResults(getServices(context).db, params.token);
  const t = requestT(context);
  if (!results) throw data({ message: t("dialogueResults.sharedNotFound") }, { status: 404 });
  return {
    results,
    date: sessionDate(results.session.createdAt, getRequestInfo(context).locale),
    pageTitle: t("dialogueResults.title", { title: results.session.title }),
  };
}

export function headers() {
  return { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };
}

export default function SharedResults({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { results, date } = loaderData;
  return (
    <Shell>
      <h1 className="utrecht-heading-1">
        {t("dialogueResults.title", { title: results.session.title })}
      </h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">
        {t("dialogueResults.sharedIntro", { region: results.region.name })}
      </p>
      <SessionResults results={results} date={date} />
    </Shell>
  );
}
