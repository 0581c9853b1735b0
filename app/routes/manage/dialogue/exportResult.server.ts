import { data } from "react-router";
import type { ResultsFile } from "../../../../core/dialogue/exportResults.ts";
import type { Result } from "../../../../core/kernel/result.ts";
import { notFound, requestT } from "../../../lib/request.server.ts";
import { fileResponse } from "../people/download.server.ts";

type Context = Parameters<typeof notFound>[0];

/** A results file as a download; another region's session gets the same 404 as a missing one. */
export function resultsFileResponse(context: Context, result: Result<ResultsFile>): Response {
  if (result.ok) return fileResponse(result.value);
  if (result.error.key === "errors.forbidden")
    throw data({ message: requestT(context)("errors.forbidden") }, { status: 403 });
  notFound(context);
}
