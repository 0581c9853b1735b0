import { data } from "react-router";
import type { Route } from "./+types/export-csv";
import { exportPeopleCsv } from "../../../../core/people/exportPeople.ts";
import { parsePeopleFilters } from "../../../../core/people/queries.ts";
import { getRequestInfo, requestT, requireRegion } from "../../../lib/request.server.ts";
import { fileResponse } from "./download.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireRegion(request, context, params.slug, "organiser");
  const filters = parsePeopleFilters(new URL(request.url).searchParams);
  const result = await exportPeopleCsv(scope, filters, getRequestInfo(context).locale);
  if (!result.ok) throw data({ message: requestT(context)("errors.forbidden") }, { status: 403 });
  return fileResponse(result.value);
}
