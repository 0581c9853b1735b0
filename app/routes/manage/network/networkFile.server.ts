import type { Role } from "../../../../core/kernel/scope.ts";
import { networkOf } from "../../../../core/network/network.ts";
import { challengeOf } from "../../../../core/network/queries.ts";
import { networkQuerySchema, queryInput } from "../../../../core/network/schema.ts";
import { notFound, requireRegion } from "../../../lib/request.server.ts";

type Context = Parameters<typeof requireRegion>[1];

/**
 * The network a map or a file asks for: the network page's query string (level, period, kinds;
 * anything unreadable falls back to its default, as on the page) plus `challenge=<id>` for a
 * challenge's network. A challenge that is not this region's is a 404, as on its page.
 */
export async function requestedNetwork(
  request: Request,
  context: Context,
  slug: string | undefined,
  needed: Role,
) {
  const { scope, region } = await requireRegion(request, context, slug, needed);
  const params = new URL(request.url).searchParams;
  const input = networkQuerySchema.parse(queryInput(params));
  const asked = params.get("challenge");
  const challenge = asked ? await challengeOf(scope, asked) : null;
  if (asked && !challenge) notFound(context);
  const network = await networkOf(scope.db, scope.regionId, {
    level: input.level,
    challengeId: challenge?.id ?? null,
    from: input.from ?? null,
    to: input.to ?? null,
    kinds: input.kinds,
  });
  return { scope, region, challenge, network, input };
}

/** Personal data (names and positions): never stored by the browser or a proxy. */
export const PRIVATE = { "Cache-Control": "private, no-store" } as const;
