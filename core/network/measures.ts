import louvain from "graphology-communities-louvain";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { brokerage, type BrokerageRoles } from "./brokerage.ts";
import type { NetworkGraph } from "./graph.ts";
import { pathMeasures } from "./paths.ts";
import { constraint, effectiveSize } from "./structuralHoles.ts";

export interface NodeMeasures {
  id: string;
  /** Distinct parties tied to (ties of every kind). */
  degree: number;
  /** Σ tie weights: how much and how lately they were together with others. */
  strength: number;
  /** Share of shortest paths between others that pass through (normalised, 0–1). */
  betweenness: number;
  /** Closeness within their component (Wasserman–Faust, so small islands do not score high). */
  closeness: number;
  community: number;
  /** Burt: how much one's contacts are tied to each other (high = closed circle); null alone. */
  constraint: number | null;
  /** Burt: non-redundant contacts; null when alone. */
  effectiveSize: number | null;
  brokerage: BrokerageRoles;
}

/** Same network, same communities: Louvain's moves are random, so its generator is seeded. */
const COMMUNITY_SEED = 20_260_412;

/**
 * Every measure of every party. Centralities and communities come from graphology's packages;
 * structural holes and Gould–Fernandez brokerage (by sector) are the project's own, checked
 * against NetworkX reference values (core/network/fixtures). Shortest paths count steps, not
 * weights: a tie's weight is how strong it is, not a distance.
 */
export function measure(graph: NetworkGraph): {
  nodes: Map<string, NodeMeasures>;
  /** How many sources betweenness and closeness are estimated from; null when exact. */
  sampled: number | null;
} {
  const out = new Map<string, NodeMeasures>();
  if (graph.order === 0) return { nodes: out, sampled: null };
  const { betweenness, closeness, sampled } = pathMeasures(graph);
  const rng = xoroshiro128plus(COMMUNITY_SEED);
  const communities =
    graph.size === 0
      ? {}
      : louvain(graph, { getEdgeWeight: "weight", rng: () => uniformFloat64(rng) });
  const burt = constraint(graph);
  const effective = effectiveSize(graph);
  const roles = brokerage(graph, (node) => graph.getNodeAttribute(node, "sector"));

  graph.forEachNode((node, attrs) => {
    out.set(node, {
      id: node,
      degree: attrs.contacts,
      strength: attrs.strength,
      betweenness: betweenness[node] ?? 0,
      closeness: closeness[node] ?? 0,
      community: communities[node] ?? 0,
      constraint: burt[node] ?? null,
      effectiveSize: effective[node] ?? null,
      brokerage: roles[node] ?? {
        coordinator: 0,
        itinerant: 0,
        representative: 0,
        gatekeeper: 0,
        liaison: 0,
        total: 0,
      },
    });
  });
  return { nodes: out, sampled };
}
