import type { Route } from "./+types/export-csv";
import { exportPeopleCsv } from "../../../../core/people/exportPeople.ts";
import { peoplePolicy } from "../../../../core/people/policy.ts";
import { parsePeopleFilters } from "../../../../core/people/queries.ts";
import { getRequestInfo, refusedPage, requireRegion } from "../../../lib/request.server.ts";
import { fileResponse } from "./download.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireRegion(request, context, params.slug, peoplePolicy.exportPeople);
  const filters = parsePeopleFilters(new URL(request.url).searchParams);
  const result = await exportPeopleCsv(scope, filters, getRequestInfo(context).locale);
  if (!result.ok) refusedPage(context, result);
  return fileResponse(result.value);
}
