import type { Route } from "./+types/results-docx";
import { exportResultsDocx } from "../../../../core/dialogue/exportResults.ts";
import { dialoguePolicy } from "../../../../core/dialogue/policy.ts";
import { requireRegion } from "../../../lib/request.server.ts";
import { resultsFileResponse } from "./exportResult.server.ts";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { scope } = await requireRegion(
    request,
    context,
    params.slug,
    dialoguePolicy.exportResults,
  );
  return resultsFileResponse(context, await exportResultsDocx(scope, params.id));
}
