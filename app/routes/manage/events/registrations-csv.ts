import { data } from "react-router";
import type { Route } from "./+types/registrations-csv";
import { parseRegistrationFilter } from "../../../../core/events/adminQueries.ts";
import { exportRegistrationsCsv } from "../../../../core/events/exportRegistrations.ts";
import { getRequestInfo, notFound, requestT, requireRegion } from "../../../lib/request.server.ts";
import { fileResponse } from "../people/download.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireRegion(request, context, params.slug, "organiser");
  const filter = parseRegistrationFilter(new URL(request.url).searchParams);
  const result = await exportRegistrationsCsv(
    scope,
    params.id,
    filter,
    getRequestInfo(context).locale,
  );
  if (!result.ok) {
    if (result.kind === "notFound") notFound(context);
    throw data({ message: requestT(context)("errors.forbidden") }, { status: 403 });
  }
  return fileResponse(result.value);
}
