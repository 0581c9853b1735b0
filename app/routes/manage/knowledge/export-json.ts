import type { Route } from "./+types/export-json";
import { exportEntriesJson } from "../../../../core/knowledge/exportEntries.ts";
import { knowledgePolicy } from "../../../../core/knowledge/policy.ts";
import { refusedPage, requireRegion } from "../../../lib/request.server.ts";
import { fileResponse } from "../people/download.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireRegion(
    request,
    context,
    params.slug,
    knowledgePolicy.exportEntries,
  );
  const result = await exportEntriesJson(scope);
  if (!result.ok) refusedPage(context, result);
  return fileResponse(result.value);
}
