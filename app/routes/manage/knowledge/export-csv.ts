import type { Route } from "./+types/export-csv";
import { exportEntriesCsv } from "../../../../core/knowledge/exportEntries.ts";
import { knowledgePolicy } from "../../../../core/knowledge/policy.ts";
import { getRequestInfo, refusedPage, requireRegion } from "../../../lib/request.server.ts";
import { fileResponse } from "../people/download.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireRegion(
    request,
    context,
    params.slug,
    knowledgePolicy.exportEntries,
  );
  const result = await exportEntriesCsv(scope, getRequestInfo(context).locale);
  if (!result.ok) refusedPage(context, result);
  return fileResponse(result.value);
}
