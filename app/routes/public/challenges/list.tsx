import { Link } from "react-router";
import type { Route } from "./+types/list";
import { publishedChallenges } from "../../../../core/challenges/publicQueries.ts";
import { findPublicRegion } from "../../../../core/regions/queries.ts";
import { PublicRegionShell } from "../../../components/events/public.tsx";
import { useT } from "../../../lib/i18n.ts";
import { getServices, notFound, requestT } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

/** The region's published challenges, for anyone. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const region = await findPublicRegion(db, params.slug);
  if (!region) notFound(context);
  const challenges = await publishedChallenges(db, region.id);
  return {
    pageTitle: `${requestT(context)("challengePublic.listTitle", { region: region.name })}`,
    region: {
      slug: region.slug,
      name: region.name,
      hasLogo: region.logo_mime !== null,
      primaryColor: region.primary_color,
    },
    challenges,
  };
}

export function headers() {
  // A challenge unpublished a moment ago must not linger in a cache.
  return { "Cache-Control": "no-store" };
}

export default function PublicChallenges({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { region, challenges } = loaderData;
  return (
    <PublicRegionShell region={region}>
      <h1 className="utrecht-heading-1">
        {t("challengePublic.listTitle", { region: region.name })}
      </h1>
      <p className="utrecht-paragraph">{t("challengePublic.listIntro")}</p>
      {challenges.length === 0 ? (
        <p className="utrecht-paragraph">{t("challengePublic.none")}</p>
      ) : (
        challenges.map((c) => (
          <section key={c.slug} aria-labelledby={`c-${c.slug}`}>
            <h2 className="utrecht-heading-2" id={`c-${c.slug}`}>
              <Link className="utrecht-link" to={`/r/${region.slug}/challenges/${c.slug}`}>
                {c.title}
              </Link>
            </h2>
            <p className="utrecht-paragraph">
              {t("challengePublic.currentPhase")}:{" "}
              {t("challenges.phaseNumbered", {
                n: c.phase,
                name: t(`challenges.phase.${c.phase}`),
              })}
            </p>
            {c.guidingQuestion ? (
              <p className="utrecht-paragraph">
                {t("challengePublic.guidingQuestion")}: {c.guidingQuestion}
              </p>
            ) : null}
          </section>
        ))
      )}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/r/${region.slug}`}>
          {t("challengePublic.backToRegion", { region: region.name })}
        </Link>
      </p>
    </PublicRegionShell>
  );
}
