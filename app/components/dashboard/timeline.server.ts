import {
  exportTimeline,
  parseTimelineFilter,
  timeline,
  timelineQuery,
  TIMELINE_PAGE_LIMIT,
  type TimelineFilter,
} from "../../../core/challenges/timeline.ts";
import { challengePolicy } from "../../../core/challenges/policy.ts";
import { may, type RegionScope } from "../../../core/kernel/scope.ts";
import type { RouterContextProvider } from "react-router";
import { getRequestInfo, refusedPage } from "../../lib/request.server.ts";
import { fileResponse } from "../../routes/manage/people/download.server.ts";

const EMPTY: TimelineFilter = { kinds: [], challengeId: null, from: null, to: null };

/**
 * What a timeline page shows: the rows of its filter, or the filter as typed with what is wrong
 * with it (a bad date is the reader's to correct, not a server error). `challengeId` pins the
 * timeline to one challenge, whatever the address says.
 */
export async function timelinePage(
  request: Request,
  scope: RegionScope,
  challengeId: string | null,
) {
  const params = new URL(request.url).searchParams;
  const sent = {
    kinds: [...params.getAll("kind"), ...params.getAll("kind[]")],
    challenge: params.get("challenge") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  };
  const parsed = parseTimelineFilter(params);
  const canExport = may(scope, challengePolicy.exportTimeline);
  if (!parsed.ok)
    return {
      filter: EMPTY,
      sent,
      error: { message: parsed.error, fieldErrors: parsed.fieldErrors ?? {} },
      query: "",
      rows: [],
      cut: false,
      limit: TIMELINE_PAGE_LIMIT,
      canExport,
    };
  const filter = challengeId ? { ...parsed.value, challengeId } : parsed.value;
  const { rows, cut } = await timeline(scope, filter);
  return {
    filter,
    sent,
    error: null,
    query: timelineQuery(filter, challengeId === null),
    rows,
    cut,
    limit: TIMELINE_PAGE_LIMIT,
    canExport,
  };
}

/** A timeline as a file with the page's filter; a filter that cannot be read is a 400. */
export async function timelineFile(
  request: Request,
  context: Readonly<RouterContextProvider>,
  scope: RegionScope,
  challengeId: string | null,
  format: "csv" | "xlsx",
): Promise<Response> {
  const parsed = parseTimelineFilter(new URL(request.url).searchParams);
  if (!parsed.ok) refusedPage(context, parsed);
  const filter = challengeId ? { ...parsed.value, challengeId } : parsed.value;
  const result = await exportTimeline(scope, filter, format, getRequestInfo(context).locale);
  if (!result.ok) refusedPage(context, result);
  return fileResponse(result.value);
}
