import betweennessCentrality from "graphology-metrics/centrality/betweenness.js";
import closenessCentrality from "graphology-metrics/centrality/closeness.js";
import { createUnweightedIndexedBrandes } from "graphology-shortest-path/indexed-brandes.js";
import type { NetworkGraph } from "./graph.ts";

/** Up to this many parties, betweenness and closeness are exact (graphology-metrics). */
export const EXACT_PATHS_UP_TO = 1500;
/** Above it, they are estimated from this many source parties (Brandes & Pich 2007). */
export const PIVOTS = 256;

export interface PathMeasures {
  betweenness: Record<string, number>;
  closeness: Record<string, number>;
  /** How many source parties the figures are from; null when exact. */
  sampled: number | null;
}

/**
 * Betweenness (normalised as graphology-metrics does) and Wasserman–Faust closeness. Exact for a
 * region's usual network; for a big one both are estimated from shortest paths out of `PIVOTS`
 * evenly spread sources, which ranks the bridges the same way at a fraction of the time (exact
 * betweenness of 5,000 parties and 50,000 ties takes about five seconds in JavaScript, too long
 * for a page; NetworkX's `betweenness_centrality(k=…)` does the same). Each source's breadth-first
 * step is graphology's own (indexed Brandes); only the choice of sources and the scaling are
 * ours. Sources are every (n/k)-th party in the graph's order, so the same network gives the
 * same figures.
 */
export function pathMeasures(graph: NetworkGraph): PathMeasures {
  const n = graph.order;
  if (n <= EXACT_PATHS_UP_TO)
    return {
      betweenness: betweennessCentrality(graph, { getEdgeWeight: null, normalized: true }),
      closeness: closenessCentrality(graph, { wassermanFaust: true }),
      sampled: null,
    };

  const brandes = createUnweightedIndexedBrandes(graph);
  const delta = new Float64Array(n);
  const between = new Float64Array(n);
  const distance = new Int32Array(n);
  const reachedBy = new Uint32Array(n);
  const distanceSum = new Float64Array(n);
  const step = n / PIVOTS;
  const isSource = new Uint8Array(n);
  for (let k = 0; k < PIVOTS; k++) {
    const source = Math.floor(k * step);
    isSource[source] = 1;
    const [S, P, sigma] = brandes(source);
    // S holds the parties in breadth-first order: a party's distance is one more than that of
    // any of its predecessors, which come earlier.
    // Popping the stack empties it for the next source and gives the reverse of the order.
    const order: number[] = [];
    while (S.size > 0) order.push(S.pop()!);
    order.reverse();
    for (const w of order) {
      const pred = P[w]!;
      distance[w] = w === source ? 0 : distance[pred[0]!]! + 1;
      delta[w] = 0;
      if (w !== source) {
        reachedBy[w]! += 1;
        distanceSum[w]! += distance[w]!;
      }
    }
    for (let i = order.length - 1; i >= 0; i--) {
      const w = order[i]!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (const v of P[w]!) delta[v]! += sigma[v]! * coefficient;
      if (w !== source) between[w]! += delta[w]!;
    }
  }
  const scale = n / PIVOTS / ((n - 1) * (n - 2));
  const closeness = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    between[i]! *= scale;
    // Wasserman–Faust: (reached share) × (1 / mean distance), both from the sources that reach
    // the party (a source never reaches itself, so count only the sources that are others).
    const others = PIVOTS - isSource[i]!;
    const c = reachedBy[i]!;
    closeness[i] = c === 0 || others === 0 ? 0 : (c / others) * (c / distanceSum[i]!);
  }
  // The index numbers parties in the graph's own order.
  const nodes = graph.nodes();
  const collect = (values: Float64Array) =>
    Object.fromEntries(nodes.map((node, i) => [node, values[i]!]));
  return { betweenness: collect(between), closeness: collect(closeness), sampled: PIVOTS };
}
