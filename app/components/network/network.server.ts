import { networkPage } from "../../../core/network/queries.ts";
import { networkQuerySchema, queryInput } from "../../../core/network/schema.ts";
import type { RegionScope } from "../../../core/kernel/scope.ts";

/**
 * The network page's data for the region or one challenge: the query string read through the
 * network's schema (anything unreadable falls back to its default), the cached network, and the
 * query string again for the map and the downloads, which must show the same network.
 */
export async function networkPageData(
  request: Request,
  scope: RegionScope,
  challengeId: string | null,
) {
  const params = new URL(request.url).searchParams;
  const input = networkQuerySchema.parse(queryInput(params));
  const page = await networkPage(scope, input, challengeId);
  const filter = new URLSearchParams();
  filter.set("level", input.level);
  if (page.period.from) filter.set("from", page.period.from);
  if (page.period.to) filter.set("to", page.period.to);
  for (const k of input.kinds) filter.append("kinds", k);
  if (challengeId) filter.set("challenge", challengeId);
  return {
    page,
    sent: { q: input.q, sort: input.sort, focus: input.focus },
    /** The filter (level, period, kinds, challenge) as a query string, for the map and files. */
    filter: filter.toString(),
    filtered:
      params.has("from") || params.has("to") || params.has("kinds[]") || params.has("kinds"),
  };
}
