import type { Network } from "./network.ts";

export interface TieChange {
  a: { id: string; label: string };
  b: { id: string; label: string };
  weight: number;
}

export interface Comparison {
  before: { parties: number; ties: number };
  after: { parties: number; ties: number };
  newTies: TieChange[];
  lostTies: TieChange[];
  newTieCount: number;
  lostTieCount: number;
  /** Among the top bridges (betweenness) after, not before. */
  becameBridges: { id: string; label: string; betweenness: number }[];
  /** Among the top bridges before, not after. */
  stoppedBridging: { id: string; label: string; betweenness: number }[];
  newParties: number;
}

const SHOWN = 20;
const TOP_BRIDGES = 10;

function ties(network: Network) {
  const out = new Map<string, TieChange>();
  network.graph.forEachEdge((_e, attrs, source, target) => {
    const [a, b] = source < target ? [source, target] : [target, source];
    out.set(`${a}|${b}`, {
      a: { id: a, label: network.graph.getNodeAttribute(a, "label") },
      b: { id: b, label: network.graph.getNodeAttribute(b, "label") },
      weight: attrs.weight,
    });
  });
  return out;
}

function topBridges(network: Network) {
  return [...network.measures.values()]
    .filter((m) => m.betweenness > 0)
    .sort((a, b) => b.betweenness - a.betweenness || a.id.localeCompare(b.id))
    .slice(0, TOP_BRIDGES)
    .map((m) => ({
      id: m.id,
      label: network.graph.getNodeAttribute(m.id, "label"),
      betweenness: m.betweenness,
    }));
}

/**
 * How the network changed between two periods: the ties made and lost (strongest first), who
 * became one of the bridges and who stopped being one. Each period's network counts only what
 * happened in it, so a tie "lost" is one nothing renewed.
 */
export function compareNetworks(before: Network, after: Network): Comparison {
  const tb = ties(before);
  const ta = ties(after);
  const made = [...ta.entries()].filter(([k]) => !tb.has(k)).map(([, t]) => t);
  const lost = [...tb.entries()].filter(([k]) => !ta.has(k)).map(([, t]) => t);
  const byWeight = (x: TieChange, y: TieChange) => y.weight - x.weight;
  const bridgesBefore = topBridges(before);
  const bridgesAfter = topBridges(after);
  const ids = (list: { id: string }[]) => new Set(list.map((b) => b.id));
  const wasBridge = ids(bridgesBefore);
  const isBridge = ids(bridgesAfter);
  let newParties = 0;
  after.graph.forEachNode((n) => {
    if (!before.graph.hasNode(n)) newParties += 1;
  });
  return {
    before: { parties: before.graph.order, ties: before.graph.size },
    after: { parties: after.graph.order, ties: after.graph.size },
    newTies: made.sort(byWeight).slice(0, SHOWN),
    lostTies: lost.sort(byWeight).slice(0, SHOWN),
    newTieCount: made.length,
    lostTieCount: lost.length,
    becameBridges: bridgesAfter.filter((b) => !wasBridge.has(b.id)),
    stoppedBridging: bridgesBefore.filter((b) => !isBridge.has(b.id)),
    newParties,
  };
}
