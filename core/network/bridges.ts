import type { NetworkGraph } from "./graph.ts";
import type { Network } from "./network.ts";
import type { NodeMeasures } from "./measures.ts";

export interface SectorPair {
  /** Sorted, so "hbo–residents" and "residents–hbo" are one pair. */
  a: string;
  b: string;
  /** Two-step paths through the party between the two sectors whose ends are not tied. */
  paths: number;
}

export interface BridgeBuilder {
  id: string;
  label: string;
  organisation: string;
  sector: string;
  measures: NodeMeasures;
  /** The sector pairs they connect most, strongest first (at most three). */
  connects: SectorPair[];
  /** The Gould–Fernandez role they play most across sectors, with its count. */
  mainRole: { role: BrokerRole; count: number } | null;
}

export const BROKER_ROLES = [
  "liaison",
  "gatekeeper",
  "representative",
  "itinerant",
  "coordinator",
] as const;
export type BrokerRole = (typeof BROKER_ROLES)[number];

/**
 * Which sectors a party links that are not linked without them: every pair of its contacts in
 * two different sectors that are not tied to each other. Only for the few parties shown, so its
 * cost (the square of the party's ties) stays small.
 */
export function sectorPairs(graph: NetworkGraph, node: string): SectorPair[] {
  const neighbours = graph.neighbors(node);
  const tally = new Map<string, SectorPair>();
  for (let i = 0; i < neighbours.length; i++) {
    const a = neighbours[i]!;
    const sa = graph.getNodeAttribute(a, "sector");
    for (let j = i + 1; j < neighbours.length; j++) {
      const c = neighbours[j]!;
      const sc = graph.getNodeAttribute(c, "sector");
      if (sa === sc || graph.areNeighbors(a, c)) continue;
      const [x, y] = sa < sc ? [sa, sc] : [sc, sa];
      const key = `${x}|${y}`;
      const pair = tally.get(key) ?? { a: x, b: y, paths: 0 };
      pair.paths += 1;
      tally.set(key, pair);
    }
  }
  return [...tally.values()].sort((p, q) => q.paths - p.paths || p.a.localeCompare(q.a));
}

function mainRole(m: NodeMeasures): BridgeBuilder["mainRole"] {
  // Coordinator brokerage stays within one sector: not what makes a bridge between sectors.
  let best: BridgeBuilder["mainRole"] = null;
  for (const role of BROKER_ROLES) {
    if (role === "coordinator") continue;
    const count = m.brokerage[role];
    if (count > 0 && (!best || count > best.count)) best = { role, count };
  }
  return best;
}

/**
 * The parties who hold the network together across sectors, ranked by betweenness (how many
 * shortest paths between others run through them), each with why: the sectors they connect and
 * the brokerage role they play most. A party who only bridges within their own sector is not
 * listed: a learning region needs bridges between worlds.
 */
export function bridgeBuilders(network: Network, limit = 10): BridgeBuilder[] {
  const { graph, measures } = network;
  const ranked = [...measures.values()]
    .filter((m) => m.betweenness > 0)
    .sort((a, b) => b.betweenness - a.betweenness || a.id.localeCompare(b.id));
  const out: BridgeBuilder[] = [];
  for (const m of ranked) {
    if (out.length >= limit) break;
    const connects = sectorPairs(graph, m.id);
    if (connects.length === 0) continue;
    const attrs = graph.getNodeAttributes(m.id);
    out.push({
      id: m.id,
      label: attrs.label,
      organisation: attrs.organisation,
      sector: attrs.sector,
      measures: m,
      connects: connects.slice(0, 3),
      mainRole: mainRole(m),
    });
  }
  return out;
}
