import { UndirectedGraph } from "graphology";
import betweennessCentrality from "graphology-metrics/centrality/betweenness.js";
import closenessCentrality from "graphology-metrics/centrality/closeness.js";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import type { NetworkGraph } from "./graph.ts";
import { EXACT_PATHS_UP_TO, pathMeasures } from "./paths.ts";

/**
 * A region-like network above the exact limit: circles of 40 who mostly know each other, a few
 * people who know someone in other circles, and five brokers who each know people in many
 * circles. Seeded, so the test sees the same graph every time.
 */
function regionLike(order: number): NetworkGraph {
  const rng = xoroshiro128plus(7);
  const random = () => uniformFloat64(rng);
  const graph = new UndirectedGraph() as NetworkGraph;
  for (let i = 0; i < order; i++) graph.addNode(String(i));
  const circle = 40;
  const tie = (a: number, b: number) => {
    if (a !== b && !graph.hasEdge(String(a), String(b))) graph.addEdge(String(a), String(b));
  };
  for (let i = 0; i < order; i++) {
    const home = Math.floor(i / circle) * circle;
    for (let k = 0; k < 4; k++) tie(i, home + Math.floor(random() * circle));
    if (random() < 0.05) tie(i, Math.floor(random() * order));
  }
  for (let b = 0; b < 5; b++)
    for (let k = 0; k < 30; k++) tie((b * 97) % order, Math.floor(random() * order));
  return graph;
}

describe("path measures of a big network", () => {
  const graph = regionLike(EXACT_PATHS_UP_TO + 500);
  const estimate = pathMeasures(graph);
  const exactBetweenness = betweennessCentrality(graph, { getEdgeWeight: null, normalized: true });
  const exactCloseness = closenessCentrality(graph, { wassermanFaust: true });
  const top = (values: Record<string, number>, k: number) =>
    Object.entries(values)
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([node]) => node);

  it("says it estimated, from how many sources", () => {
    expect(estimate.sampled).toBeGreaterThan(0);
    expect(pathMeasures(regionLike(200)).sampled).toBeNull();
  });

  it("finds the same bridges as the exact betweenness", () => {
    // The five brokers lead both lists; of the top 20, most are the same parties.
    const exact = top(exactBetweenness, 20);
    const estimated = top(estimate.betweenness, 20);
    expect(new Set(estimated.slice(0, 5))).toEqual(new Set(exact.slice(0, 5)));
    expect(estimated.filter((node) => exact.includes(node)).length).toBeGreaterThanOrEqual(15);
    // On the same scale: the leading broker's estimate is within a fifth of the exact value.
    const lead = exact[0]!;
    expect(estimate.betweenness[lead]! / exactBetweenness[lead]!).toBeGreaterThan(0.8);
    expect(estimate.betweenness[lead]! / exactBetweenness[lead]!).toBeLessThan(1.2);
  });

  it("estimates closeness within a few percent for everyone", () => {
    for (const node of graph.nodes()) {
      const ratio = estimate.closeness[node]! / exactCloseness[node]!;
      expect(ratio).toBeGreaterThan(0.9);
      expect(ratio).toBeLessThan(1.1);
    }
  });
});
