import type { Route } from "./+types/results-xlsx";
import { exportResultsXlsx } from "../../../../core/dialogue/exportResults.ts";
import { requireRegion } from "../../../lib/request.server.ts";
import { resultsFileResponse } from "./exportResult.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireRegion(request, context, params.slug, "facilitator");
  return resultsFileResponse(context, await exportResultsXlsx(scope, params.id));
}
