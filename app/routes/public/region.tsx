import { Link } from "react-router";
import type { Route } from "./+types/region";
import { publishedChallenges } from "../../../core/challenges/publicQueries.ts";
import { publishedHarvests } from "../../../core/harvest/publicQueries.ts";
import { findPublicRegion } from "../../../core/regions/queries.ts";
import { Shell } from "../../root.tsx";
import { useT } from "../../lib/i18n.ts";
import { getServices, notFound } from "../../lib/request.server.ts";
import { RegionBrand, regionThemeStyle } from "../manage/layout.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [
    { title: loaderData?.region.name },
    { name: "description", content: loaderData?.region.description.slice(0, 160) },
  ];
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const region = await findPublicRegion(getServices(context).db, params.slug);
  if (!region) notFound(context);
  const [published, publicChallenges] = await Promise.all([
    publishedHarvests(getServices(context).db, region.id),
    publishedChallenges(getServices(context).db, region.id),
  ]);
  return {
    publicChallenges: publicChallenges.map((c) => ({
      slug: c.slug,
      title: c.title,
      phase: c.phase,
    })),
    publications: published
      .filter((h) => h.publication_public)
      .map((h) => ({ slug: h.slug, title: h.publication_title || h.title })),
    hasAgenda: published.some((h) => h.agenda_public),
    region: {
      slug: region.slug,
      name: region.name,
      description: region.description,
      challenges: region.challenges,
      primaryColor: region.primary_color,
      hasLogo: region.logo_mime !== null,
      privacyStatement: region.privacy_statement,
    },
  };
}

/** Paragraphs from plain text: organisers type text, never HTML. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim())
        .map((p, i) => (
          <p className="utrecht-paragraph" key={i}>
            {p}
          </p>
        ))}
    </>
  );
}

export default function PublicRegion({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { region, publications, hasAgenda, publicChallenges } = loaderData;
  const challenges = region.challenges
    .split("\n")
    .map((c) => c.trim())
    .filter(Boolean);
  return (
    <div style={regionThemeStyle(region.primaryColor)}>
      <Shell brand={<RegionBrand region={region} />}>
        <h1 className="utrecht-heading-1">{region.name}</h1>
        <Paragraphs text={region.description} />
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`/r/${region.slug}/events`}>
            {t("events.agendaLink")}
          </Link>
        </p>
        {publications.length > 0 || hasAgenda ? (
          <section aria-labelledby="harvested">
            <h2 className="utrecht-heading-2" id="harvested">
              {t("publication.regionSection")}
            </h2>
            <ul className="utrecht-unordered-list">
              {publications.map((p) => (
                <li className="utrecht-unordered-list__item" key={p.slug}>
                  <Link className="utrecht-link" to={`/r/${region.slug}/publication/${p.slug}`}>
                    {p.title}
                  </Link>
                </li>
              ))}
              {hasAgenda ? (
                <li className="utrecht-unordered-list__item">
                  <Link className="utrecht-link" to={`/r/${region.slug}/agenda/actions`}>
                    {t("actions.title")}
                  </Link>
                </li>
              ) : null}
            </ul>
          </section>
        ) : null}
        {publicChallenges.length > 0 ? (
          <section aria-labelledby="published-challenges">
            <h2 className="utrecht-heading-2" id="published-challenges">
              {t("challengePublic.regionSection")}
            </h2>
            <ul className="utrecht-unordered-list">
              {publicChallenges.map((c) => (
                <li className="utrecht-unordered-list__item" key={c.slug}>
                  <Link className="utrecht-link" to={`/r/${region.slug}/challenges/${c.slug}`}>
                    {c.title}
                  </Link>{" "}
                  (
                  {t("challenges.phaseNumbered", {
                    n: c.phase,
                    name: t(`challenges.phase.${c.phase}`),
                  })}
                  )
                </li>
              ))}
            </ul>
            <p className="utrecht-paragraph">
              <Link className="utrecht-link" to={`/r/${region.slug}/challenges`}>
                {t("challengePublic.allChallenges")}
              </Link>
            </p>
          </section>
        ) : null}
        {challenges.length > 0 ? (
          <section aria-labelledby="challenges">
            <h2 className="utrecht-heading-2" id="challenges">
              {t("regions.challenges")}
            </h2>
            <ul className="utrecht-unordered-list">
              {challenges.map((c) => (
                <li className="utrecht-unordered-list__item" key={c}>
                  {c}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {region.privacyStatement ? (
          <section aria-labelledby="privacy">
            <h2 className="utrecht-heading-2" id="privacy">
              {t("regions.privacyStatement")}
            </h2>
            <Paragraphs text={region.privacyStatement} />
          </section>
        ) : null}
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/">
            {t("nav.home")}
          </Link>
        </p>
      </Shell>
    </div>
  );
}
