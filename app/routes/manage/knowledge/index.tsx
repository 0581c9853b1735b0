import { Link } from "react-router";
import type { Route } from "./+types/index";
import { may } from "../../../../core/kernel/scope.ts";
import { knowledgePolicy } from "../../../../core/knowledge/policy.ts";
import { readSearchRequest, searchKnowledge } from "../../../../core/knowledge/search.ts";
import { SearchView } from "../../../components/knowledgeSearch/SearchView.tsx";
import { useT } from "../../../lib/i18n.ts";
import { requestT, requireRegion } from "../../../lib/request.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: loaderData?.pageTitle }];
}

/**
 * The knowledge base's index: a search over what the region may see (its own entries, drafts
 * too, and what other regions share with it or publish), newest first without a search text.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope, region } = await requireRegion(
    request,
    context,
    params.slug,
    knowledgePolicy.view,
  );
  const search = readSearchRequest(new URL(request.url).searchParams);
  const result = await searchKnowledge(scope.db, { regionId: scope.regionId }, search);
  return {
    base: `/manage/${region.slug}/knowledge`,
    regionId: scope.regionId,
    q: search.q,
    filters: search.filters,
    result,
    mayCreate: may(scope, knowledgePolicy.createEntry),
    pageTitle: requestT(context)("knowledgeSearch.title"),
  };
}

export default function KnowledgeIndex({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { base, regionId, q, filters, result, mayCreate } = loaderData;
  return (
    <>
      <h1 className="utrecht-heading-1">{t("knowledgeSearch.title")}</h1>
      <p className="utrecht-paragraph">{t("knowledgeSearch.intro")}</p>
      {mayCreate ? (
        <ul className="lr-plain-list">
          <li>
            <Link className="utrecht-link" to={`${base}/new`}>
              {t("knowledgeSearch.newEntry")}
            </Link>
          </li>
        </ul>
      ) : null}
      <SearchView
        action={base}
        q={q}
        filters={filters}
        {...result}
        ownRegionId={regionId}
        hrefOf={(hit) => `${base}/${hit.id}`}
        facetNames={["kind", "sector", "perspective", "essential", "phase", "ambition", "region"]}
      />
    </>
  );
}
