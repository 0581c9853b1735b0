import type { Route } from "./+types/contributions-csv";
import { harvestPolicy } from "../../../../core/harvest/policy.ts";
import { exportContributionsCsv } from "../../../../core/harvest/exportContributions.ts";
import { parseContributionFilters } from "../../../../core/harvest/queries.ts";
import { getRequestInfo, refusedPage, requireRegion } from "../../../lib/request.server.ts";
import { fileResponse } from "../people/download.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireRegion(request, context, params.slug, harvestPolicy.list);
  const filters = parseContributionFilters(new URL(request.url).searchParams);
  const result = await exportContributionsCsv(
    scope,
    params.id,
    filters,
    getRequestInfo(context).locale,
  );
  if (!result.ok) refusedPage(context, result);
  return fileResponse(result.value);
}
