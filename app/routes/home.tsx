import { Link } from "react-router";
import type { Route } from "./+types/home";
import { listMyRegions, listPublicRegions } from "../../core/regions/queries.ts";
import { Shell } from "../root.tsx";
import { useT } from "../lib/i18n.ts";
import { getRequestInfo, getServices, requestT } from "../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.title }, { name: "description", content: loaderData?.description }];
}

export async function loader({ context }: Route.LoaderArgs) {
  const { user } = getRequestInfo(context);
  const { db } = getServices(context);
  const t = requestT(context);
  const [mine, regions] = await Promise.all([
    user ? listMyRegions(db, user.id) : [],
    listPublicRegions(db),
  ]);
  return {
    title: t("app.name"),
    description: t("app.tagline"),
    mine,
    regions,
    isPlatformAdmin: user?.isPlatformAdmin ?? false,
    signedIn: !!user,
  };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { mine, regions, isPlatformAdmin, signedIn } = loaderData;
  return (
    <Shell>
      <h1 className="utrecht-heading-1">{t("home.title")}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t("home.intro")}</p>
      {signedIn ? (
        <section aria-labelledby="my-regions">
          <h2 className="utrecht-heading-2" id="my-regions">
            {t("home.myRegions")}
          </h2>
          {mine.length === 0 ? <p className="utrecht-paragraph">{t("home.noRegions")}</p> : null}
          <ul className="lr-cards">
            {mine.map((r) => (
              <li key={r.id} className="lr-card">
                <h3 className="utrecht-heading-3">
                  <Link className="utrecht-link" to={`/manage/${r.slug}`}>
                    {r.name}
                  </Link>
                </h3>
                <p className="utrecht-paragraph">
                  {t("home.role", { role: t(`roles.${r.role}`) })}
                </p>
              </li>
            ))}
          </ul>
          {isPlatformAdmin ? (
            <p className="utrecht-paragraph">
              <Link
                className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
                to="/regions/new"
              >
                {t("nav.newRegion")}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="public-regions">
        <h2 className="utrecht-heading-2" id="public-regions">
          {t("home.publicRegions")}
        </h2>
        <ul className="lr-cards">
          {regions.map((r) => (
            <li key={r.id} className="lr-card">
              <h3 className="utrecht-heading-3">
                <Link className="utrecht-link" to={`/r/${r.slug}`}>
                  {r.name}
                </Link>
              </h3>
              {r.description ? (
                <p className="utrecht-paragraph">{r.description.slice(0, 200)}</p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </Shell>
  );
}
