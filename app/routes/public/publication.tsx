import { Link } from "react-router";
import type { Route } from "./+types/publication";
import type { PublicationModel } from "../../../core/harvest/publication.ts";
import { publicPublicationModel } from "../../../core/harvest/publicQueries.ts";
import {
  figureCharts,
  publicationDate,
  themeSectorChart,
} from "../../../core/harvest/publicationText.ts";
import { PublicationView, type AppendixPaging } from "../../components/harvest/PublicationView.tsx";
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

/** Up to this many contributions the appendix is on the page whole; above, a theme at a time. */
const INLINE = 1500;
const PAGE_SIZE = 500;

/**
 * A large appendix in slices: the chosen theme (`?bijlage=`, a theme's id or "overig") and page
 * (`?pagina=`), so a harvest of ten thousand contributions is not one page of megabytes.
 */
function sliceAppendix(
  model: PublicationModel,
  params: URLSearchParams,
): { model: PublicationModel; paging: AppendixPaging | null } {
  if (model.figures.total <= INLINE) return { model, paging: null };
  const key = (themeId: string | null) => themeId ?? "overig";
  const chosen = model.appendix.find((g) => key(g.themeId) === params.get("bijlage"));
  const pages = chosen ? Math.ceil(chosen.contributions.length / PAGE_SIZE) : 0;
  const asked = Number.parseInt(params.get("pagina") ?? "1", 10);
  const page = Number.isFinite(asked) ? Math.min(Math.max(1, asked), Math.max(1, pages)) : 1;
  return {
    model: {
      ...model,
      appendix: chosen
        ? [
            {
              ...chosen,
              contributions: chosen.contributions.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
            },
          ]
        : [],
    },
    paging: {
      groups: model.appendix.map((g) => ({
        key: key(g.themeId),
        label: g.label,
        count: g.contributions.length,
      })),
      chosen: chosen ? key(chosen.themeId) : null,
      page,
      pages,
    },
  };
}

/** The publication for anyone, while the region publishes it; 404 otherwise. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const { locale } = getRequestInfo(context);
  const model = await publicPublicationModel(db, params.slug, params.harvestSlug, locale);
  if (!model) notFound(context);
  const { model: shown, paging } = sliceAppendix(model, new URL(request.url).searchParams);
  const region = await db
    .selectFrom("regions")
    .select(["primary_color", "logo_mime"])
    .where("id", "=", model.region.id)
    .executeTakeFirstOrThrow();
  return {
    model: shown,
    paging,
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
  const { model, paging, charts, themeCharts, date, region } = loaderData;
  return (
    <div style={regionThemeStyle(region.primaryColor)}>
      <Shell brand={<RegionBrand region={region} />}>
        <PublicationView
          model={model}
          charts={charts}
          themeCharts={themeCharts}
          date={date}
          level={1}
          paging={paging}
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
