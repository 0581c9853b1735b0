import { Link } from "react-router";
import type { Route } from "./+types/publication";
import { publicPublicationModel } from "../../../core/harvest/publication.ts";
import {
  figureCharts,
  publicationDate,
  themeSectorChart,
} from "../../../core/harvest/publicationText.ts";
import { PublicationView } from "../../components/harvest/PublicationView.tsx";
import { useT } from "../../lib/i18n.ts";
import { getRequestInfo, getServices, notFound } from "../../lib/request.server.ts";
import { Shell } from "../../root.tsx";
import { RegionBrand, regionThemeStyle } from "../manage/layout.tsx";

export function meta({ loaderData }: Route.MetaArgs) {
  return [
    { title: loaderData ? `${loaderData.model.title} · ${loaderData.model.region.name}` : "" },
    { name: "description", content: loaderData?.model.introduction.slice(0, 160) },
  ];
}

/** The publication for anyone, while the region publishes it; 404 otherwise. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const { locale } = getRequestInfo(context);
  const model = await publicPublicationModel(db, params.slug, params.harvestSlug, locale);
  if (!model) notFound(context);
  const region = await db
    .selectFrom("regions")
    .select(["primary_color", "logo_mime"])
    .where("id", "=", model.region.id)
    .executeTakeFirstOrThrow();
  return {
    model,
    charts: figureCharts(model),
    themeCharts: model.themes.map((_, i) => themeSectorChart(model, i)),
    date: publicationDate(model.date, model.lang),
    region: {
      slug: model.region.slug,
      name: model.region.name,
      primaryColor: region.primary_color,
      hasLogo: region.logo_mime !== null,
    },
  };
}

export function headers() {
  return { "Cache-Control": "no-store" };
}

export default function PublicPublication({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { model, charts, themeCharts, date, region } = loaderData;
  return (
    <div style={regionThemeStyle(region.primaryColor)}>
      <Shell brand={<RegionBrand region={region} />}>
        <PublicationView
          model={model}
          charts={charts}
          themeCharts={themeCharts}
          date={date}
          level={1}
        />
        <p className="utrecht-paragraph">
          {model.harvest.agendaPublic ? (
            <>
              <Link className="utrecht-link" to={`/r/${region.slug}/agenda/actions`}>
                {t("publication.downloadTheAgenda")}
              </Link>
              {" · "}
            </>
          ) : null}
          <Link className="utrecht-link" to={`/r/${region.slug}`}>
            {t("publication.publicFooter", { region: region.name })}
          </Link>
        </p>
      </Shell>
    </div>
  );
}
