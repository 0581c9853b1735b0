import type { Route } from "./+types/map-json";
import { COMMUNITY_COLOURS, SECTOR_COLOURS } from "../../../../core/network/colours.ts";
import { layoutOf } from "../../../../core/network/layout.ts";
import { networkPolicy } from "../../../../core/network/policy.ts";
import { PRIVATE, requestedNetwork } from "./networkFile.server.ts";

/**
 * Above this many parties the map is not drawn (the page says why and shows the tables): sigma
 * draws more, but a map of that many dots shows nothing a coordinator can read, and the JSON
 * would run to megabytes. A region's big network keeps its backbone, so ties stay bounded.
 */
export const MAP_LIMIT = 8_000;

const r = (n: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

/** The map's data: parties with their position and measures, ties, and the palettes. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { network } = await requestedNetwork(request, context, params.slug, networkPolicy.view);
  const { graph, measures } = network;
  const palettes = { sectors: SECTOR_COLOURS, communities: COMMUNITY_COLOURS };
  const ties = graph.getAttribute("ties") ?? graph.size;
  if (graph.order > MAP_LIMIT) {
    return Response.json(
      { tooBig: true, parties: graph.order, ties, nodes: [], edges: [], ...palettes },
      { headers: PRIVATE },
    );
  }
  const positions = layoutOf(network);
  const nodes = graph.mapNodes((id, a) => {
    const m = measures.get(id);
    const p = positions.get(id) ?? { x: 0, y: 0 };
    return {
      id,
      label: a.label,
      sector: a.sector,
      community: m?.community ?? 0,
      x: p.x,
      y: p.y,
      contacts: a.contacts,
      strength: r(a.strength, 4),
      betweenness: r(m?.betweenness ?? 0, 6),
      closeness: r(m?.closeness ?? 0, 6),
      brokerage: m?.brokerage.total ?? 0,
    };
  });
  const edges = graph.mapEdges((_e, a, source, target) => ({
    source,
    target,
    weight: r(a.weight, 4),
    kinds: a.kinds,
  }));
  return Response.json(
    { tooBig: false, parties: graph.order, ties, nodes, edges, ...palettes },
    { headers: PRIVATE },
  );
}
