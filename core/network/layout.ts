import { UndirectedGraph } from "graphology";
import circlepack from "graphology-layout/circlepack.js";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { Network } from "./network.ts";

export interface Position {
  x: number;
  y: number;
}

/** Same network, same picture: the start positions come from a seeded generator. */
const LAYOUT_SEED = 20_261_205;

/**
 * ForceAtlas2 steps. A bounded number, not "until it settles": the layout runs inside a request
 * (once per cached network), so its time must be bounded. Small networks get 300 steps and
 * settle; from BARNES_HUT_FROM parties, ForceAtlas2 approximates repulsion with a quadtree and
 * the steps share a budget of work (a step costs about parties + ties), so a region of 5,000
 * people and 40,000 ties gets ~35 steps, about a second. That is enough because the start
 * already groups each community.
 */
const ITERATIONS_SMALL = 300;
const WORK_BUDGET = 1_600_000;
const ITERATIONS_MIN = 30;
const BARNES_HUT_FROM = 500;

export const iterationsFor = (order: number, size: number) =>
  order < BARNES_HUT_FROM
    ? ITERATIONS_SMALL
    : Math.max(
        ITERATIONS_MIN,
        Math.min(ITERATIONS_SMALL, Math.round(WORK_BUDGET / (order + size))),
      );

/** What the layout and the files need of a computed network. */
export type MeasuredNetwork = Pick<Network, "graph" | "measures">;

const layouts = new WeakMap<MeasuredNetwork, ReadonlyMap<string, Position>>();

/**
 * Positions of every party on the map, computed on the server once per cached network (the
 * network itself is cached until its ties change, network.ts) and kept as long as it is.
 * Computing it here rather than in the browser means the map, the SVG download and the GEXF
 * show the same picture, and a slow phone does not run a force layout.
 */
export function layoutOf(network: MeasuredNetwork): ReadonlyMap<string, Position> {
  let positions = layouts.get(network);
  if (!positions) {
    positions = computeLayout(network);
    layouts.set(network, positions);
  }
  return positions;
}

function computeLayout({ graph, measures }: MeasuredNetwork): ReadonlyMap<string, Position> {
  const out = new Map<string, Position>();
  if (graph.order === 0) return out;

  // A bare copy: the layout writes x and y as it goes, and the cached graph is shared by every
  // request (its attributes are what the tables and files show).
  const g = new UndirectedGraph<
    { community: number; x?: number; y?: number },
    { weight: number }
  >();
  graph.forEachNode((node) => g.addNode(node, { community: measures.get(node)?.community ?? 0 }));
  let total = 0;
  graph.forEachEdge((_e, a) => (total += a.weight));
  // Weights relative to the mean tie: attraction then means "stronger than usual", whatever the
  // recency scale of the period asked for.
  const mean = graph.size > 0 ? total / graph.size : 1;
  graph.forEachEdge((_e, a, source, target) =>
    g.addUndirectedEdge(source, target, { weight: a.weight / mean }),
  );

  const rng = xoroshiro128plus(LAYOUT_SEED);
  // Each community starts as its own packed circle, so ForceAtlas2 refines a picture that is
  // already grouped instead of untangling a random one.
  circlepack.assign(g, { hierarchyAttributes: ["community"], rng: () => uniformFloat64(rng) });

  const big = g.order >= BARNES_HUT_FROM;
  forceAtlas2.assign(g, {
    iterations: iterationsFor(g.order, g.size),
    getEdgeWeight: "weight",
    settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: big },
  });

  g.forEachNode((node, a) => {
    // Two decimals are finer than a pixel at any zoom the map allows, and keep map.json small.
    out.set(node, { x: Math.round((a.x ?? 0) * 100) / 100, y: Math.round((a.y ?? 0) * 100) / 100 });
  });
  return out;
}
