import type { Route } from "./+types/registrations-xlsx";
import { parseRegistrationFilter } from "../../../../core/events/adminQueries.ts";
import { exportRegistrationsXlsx } from "../../../../core/events/exportRegistrations.ts";
import { eventPolicy } from "../../../../core/events/policy.ts";
import { getRequestInfo, refusedPage, requireRegion } from "../../../lib/request.server.ts";
import { fileResponse } from "../people/download.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireRegion(
    request,
    context,
    params.slug,
    eventPolicy.exportRegistrations,
  );
  const filter = parseRegistrationFilter(new URL(request.url).searchParams);
  const result = await exportRegistrationsXlsx(
    scope,
    params.id,
    filter,
    getRequestInfo(context).locale,
  );
  if (!result.ok) refusedPage(context, result);
  return fileResponse(result.value);
}
