import type { ResultsFile } from "../../../../core/dialogue/exportResults.ts";
import type { Result } from "../../../../core/kernel/result.ts";
import { refusedPage } from "../../../lib/request.server.ts";
import { fileResponse } from "../people/download.server.ts";

type Context = Parameters<typeof refusedPage>[0];

/** A results file as a download; another region's session gets the same 404 as a missing one. */
export function resultsFileResponse(context: Context, result: Result<ResultsFile>): Response {
  if (result.ok) return fileResponse(result.value);
  refusedPage(context, result);
}
