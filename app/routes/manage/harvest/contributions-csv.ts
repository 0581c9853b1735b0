import { data } from "react-router";
import type { Route } from "./+types/contributions-csv";
import { exportContributionsCsv } from "../../../../core/harvest/exportContributions.ts";
import { parseContributionFilters } from "../../../../core/harvest/queries.ts";
import { getRequestInfo, notFound, requestT, requireRegion } from "../../../lib/request.server.ts";
import { fileResponse } from "../people/download.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireRegion(request, context, params.slug, "facilitator");
  const filters = parseContributionFilters(new URL(request.url).searchParams);
  const result = await exportContributionsCsv(
    scope,
    params.id,
    filters,
    getRequestInfo(context).locale,
  );
  if (!result.ok) {
    if (result.kind === "notFound") notFound(context);
    throw data({ message: requestT(context)("errors.forbidden") }, { status: 403 });
  }
  return fileResponse(result.value);
}
