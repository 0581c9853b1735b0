import { sectorPairs, type SectorPair } from "./bridges.ts";
import type { NodeMeasures } from "./measures.ts";
import type { Network } from "./network.ts";

export interface Mirror {
  label: string;
  measures: NodeMeasures;
  /** 1 = the strongest bridge of the region (by betweenness), of `of` parties. */
  rank: number;
  of: number;
  /** Their contacts per sector (every tie, not only the backbone's). */
  contactSectors: { sector: string; contacts: number }[];
  connects: SectorPair[];
  strongestTies: { id: string; label: string; weight: number; count: number }[];
  communitySize: number;
}

/**
 * A person's own position in the region's network ("bridge-builder mirror"): how many they are
 * tied to and in which sectors, where they rank as a bridge, which sectors they connect, how
 * closed their circle is. Only for themselves and coordinators: the routes check who asks.
 */
export function mirrorOf(network: Network, node: string): Mirror | null {
  const { graph, measures } = network;
  const m = measures.get(node);
  if (!m || !graph.hasNode(node)) return null;
  const ranked = [...measures.values()].sort(
    (a, b) => b.betweenness - a.betweenness || a.id.localeCompare(b.id),
  );
  const sectors = new Map<string, number>();
  const strongest: Mirror["strongestTies"] = [];
  graph.forEachEdge(node, (_e, attrs, source, target) => {
    const other = source === node ? target : source;
    const sector = graph.getNodeAttribute(other, "sector");
    sectors.set(sector, (sectors.get(sector) ?? 0) + 1);
    strongest.push({
      id: other,
      label: graph.getNodeAttribute(other, "label"),
      weight: attrs.weight,
      count: attrs.count,
    });
  });
  let communitySize = 0;
  for (const other of measures.values()) if (other.community === m.community) communitySize += 1;
  return {
    label: graph.getNodeAttribute(node, "label"),
    measures: m,
    rank: ranked.findIndex((x) => x.id === node) + 1,
    of: ranked.length,
    contactSectors: [...sectors.entries()]
      .map(([sector, contacts]) => ({ sector, contacts }))
      .sort((a, b) => b.contacts - a.contacts || a.sector.localeCompare(b.sector)),
    connects: sectorPairs(graph, node).slice(0, 5),
    strongestTies: strongest.sort((a, b) => b.weight - a.weight).slice(0, 5),
    communitySize,
  };
}
