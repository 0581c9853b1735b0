import { Link } from "react-router";
import type { Route } from "./+types/search";
import { readSearchRequest, searchKnowledge } from "../../../../core/knowledge/search.ts";
import { findPublicRegion } from "../../../../core/regions/queries.ts";
import { PublicRegionShell } from "../../../components/events/public.tsx";
import { SearchView } from "../../../components/knowledgeSearch/SearchView.tsx";
import { CheckboxField } from "../../../components/form.tsx";
import { useT } from "../../../lib/i18n.ts";
import { getServices, notFound, requestT } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

/**
 * The public search: the region's public entries, or with `all=on` the public entries of every
 * region. Published and public only; nothing shared or private reaches this page.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { db } = getServices(context);
  const region = await findPublicRegion(db, params.slug);
  if (!region) notFound(context);
  const url = new URL(request.url);
  const all = url.searchParams.get("all") === "on";
  const search = readSearchRequest(url.searchParams);
  if (!all) search.filters.regions = [];
  const result = await searchKnowledge(
    db,
    all ? { public: true } : { public: true, regionId: region.id },
    search,
  );
  const t = requestT(context);
  return {
    pageTitle: all
      ? t("knowledgeSearch.publicTitleAll")
      : t("knowledgeSearch.publicTitle", { region: region.name }),
    region: {
      slug: region.slug,
      name: region.name,
      hasLogo: region.logo_mime !== null,
      primaryColor: region.primary_color,
    },
    all,
    q: search.q,
    filters: search.filters,
    result,
  };
}

export function headers() {
  // An entry made private a moment ago must not linger in a cache.
  return { "Cache-Control": "no-store" };
}

export default function PublicKnowledgeSearch({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { region, all, q, filters, result, pageTitle } = loaderData;
  return (
    <PublicRegionShell region={region}>
      <h1 className="utrecht-heading-1">{pageTitle}</h1>
      <p className="utrecht-paragraph">{t("knowledgeSearch.publicIntro")}</p>
      <SearchView
        action={`/r/${region.slug}/knowledge`}
        q={q}
        filters={filters}
        {...result}
        hrefOf={(hit) => `/r/${hit.regionSlug}/knowledge/${hit.slug}`}
        facetNames={[
          "kind",
          "sector",
          "perspective",
          "essential",
          "phase",
          "ambition",
          ...(all ? (["region"] as const) : []),
        ]}
        extraFields={
          <CheckboxField name="all" label={t("knowledgeSearch.allRegions")} defaultChecked={all} />
        }
      />
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/r/${region.slug}`}>
          {t("knowledgeSearch.backToRegion", { region: region.name })}
        </Link>
      </p>
    </PublicRegionShell>
  );
}
