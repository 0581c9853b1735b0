import { readFileSync } from "node:fs";
import { DirectedGraph, UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { brokerage, brokerageAnalysis, type BrokerageRoles } from "./brokerage.ts";
import { constraint, effectiveSize, structuralHoles } from "./structuralHoles.ts";

// Reference values come from NetworkX 3.6.1 (constraint, effective size) and from a brute-force
// enumeration of all ordered triples (brokerage); see fixtures/README.md and fixtures/reference.py.

type Scores = Record<string, number | null>;
interface Fixture {
  graph: {
    directed: boolean;
    nodes: { key: string; group?: string }[];
    edges: { source: string; target: string; weight?: number }[];
  };
  constraint: { weighted?: Scores; unweighted?: Scores };
  effectiveSize: { weighted?: Scores; unweighted?: Scores };
  brokerage?: {
    density: number;
    raw: Record<string, BrokerageRoles>;
    expected: Record<string, BrokerageRoles>;
    z: Record<string, Record<keyof BrokerageRoles, number | null>>;
  };
}

const fixture = (name: string): Fixture =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), "utf8")) as Fixture;

/** The fixture as a graphology graph; `weighted: false` leaves the weight attribute off (weight 1). */
function load(f: Fixture, weighted: boolean) {
  const graph = f.graph.directed ? new DirectedGraph() : new UndirectedGraph();
  for (const n of f.graph.nodes) graph.addNode(n.key, { group: n.group });
  for (const e of f.graph.edges)
    graph.addEdge(e.source, e.target, weighted ? { weight: e.weight } : {});
  return graph;
}

const groupOf =
  (graph: ReturnType<typeof load>) =>
  (node: string): string =>
    graph.getNodeAttribute(node, "group") as string;

/** Every node present, nulls where the reference has nulls, numbers within 1e-6. */
function expectClose(actual: Record<string, number | null>, reference: Scores) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(reference).sort());
  for (const [node, want] of Object.entries(reference)) {
    const got = actual[node];
    if (want === null) expect(got, node).toBeNull();
    else {
      expect(got, node).toBeTypeOf("number");
      expect(Math.abs(got! - want), `${node}: ${got} vs ${want}`).toBeLessThan(1e-6);
    }
  }
}

describe("Burt's constraint and effective size", () => {
  it("work out by hand on a star, a triangle, a weighted path and an isolated node", () => {
    const g = new UndirectedGraph();
    // A star: the hub's four contacts do not know each other.
    for (const leaf of ["l1", "l2", "l3", "l4"]) g.mergeEdge("hub", leaf);
    // A triangle: everyone's two contacts know each other.
    g.mergeEdge("t1", "t2");
    g.mergeEdge("t2", "t3");
    g.mergeEdge("t3", "t1");
    // A path a —1— b —3— c: b invests a quarter in a and three quarters in c.
    g.mergeEdge("a", "b", { weight: 1 });
    g.mergeEdge("b", "c", { weight: 3 });
    g.addNode("alone");

    const c = constraint(g);
    expect(c.hub).toBeCloseTo(4 * (1 / 4) ** 2, 12); // Σ p² with no indirect ties
    expect(c.l1).toBeCloseTo(1, 12); // one contact: fully constrained
    expect(c.t1).toBeCloseTo(2 * (1 / 2 + (1 / 2) * (1 / 2)) ** 2, 12); // 1.125
    expect(c.b).toBeCloseTo((1 / 4) ** 2 + (3 / 4) ** 2, 12);
    expect(c.alone).toBeNull();

    const e = effectiveSize(g);
    expect(e.hub).toBeCloseTo(4, 12); // no redundancy
    expect(e.l1).toBeCloseTo(1, 12);
    expect(e.t1).toBeCloseTo(2 - (2 * 1) / 2, 12); // Borgatti: n − 2t/n
    expect(e.b).toBeCloseTo(2, 12);
    expect(e.alone).toBeNull();

    expect(structuralHoles(g)).toEqual({ constraint: c, effectiveSize: e });
  });

  it("match NetworkX on Zachary's karate club, weighted and unweighted", () => {
    const karate = fixture("karate");
    expectClose(constraint(load(karate, true)), karate.constraint.weighted!);
    expectClose(effectiveSize(load(karate, true)), karate.effectiveSize.weighted!);
    expectClose(constraint(load(karate, false)), karate.constraint.unweighted!);
    expectClose(effectiveSize(load(karate, false)), karate.effectiveSize.unweighted!);
  });

  it("match NetworkX on Padgett's Florentine families", () => {
    const florentine = fixture("florentine");
    expectClose(constraint(load(florentine, false)), florentine.constraint.unweighted!);
    expectClose(effectiveSize(load(florentine, false)), florentine.effectiveSize.unweighted!);
  });

  it("match NetworkX on a weighted digraph, adding up the two directions of a tie", () => {
    const directed = fixture("directed");
    const both = structuralHoles(load(directed, true));
    expectClose(both.constraint, directed.constraint.weighted!);
    expectClose(both.effectiveSize, directed.effectiveSize.weighted!);
  });

  it("refuse a weight that is not a positive number", () => {
    const g = new UndirectedGraph();
    g.mergeEdge("a", "b", { weight: -1 });
    expect(() => constraint(g)).toThrow(RangeError);
  });
});

describe("Gould & Fernandez brokerage", () => {
  it("works out by hand on a star across three groups", () => {
    // The hub (group A) ties a1, a2 (A), b1, b2 (B) and c1 (C); a1 and b1 also know each other.
    const g = new UndirectedGraph();
    const group: Record<string, string> = { hub: "A", a1: "A", a2: "A", b1: "B", b2: "B", c1: "C" };
    for (const leaf of ["a1", "a2", "b1", "b2", "c1"]) g.mergeEdge("hub", leaf);
    g.mergeEdge("a1", "b1");
    const roles = brokerage(g, (n) => group[n]!);
    // 5 × 4 ordered pairs of leaves, less a1 → b1 and b1 → a1, which need no broker.
    expect(roles.hub).toEqual({
      coordinator: 2, // a1 → a2, a2 → a1
      itinerant: 2, // b1 → b2, b2 → b1: the hub is not in their group
      representative: 5, // {a1, a2} → {b1, b2, c1}, less a1 → b1
      gatekeeper: 5, // the same pairs the other way
      liaison: 4, // b1 → c1, b2 → c1, c1 → b1, c1 → b2
      total: 18,
    });
    // a1's two contacts (hub, b1) know each other: a1 brokers nothing.
    expect(roles.a1!.total).toBe(0);
    expect(roles.a2!.total).toBe(0);
  });

  it("counts an itinerant broker between two members of another group", () => {
    const g = new UndirectedGraph();
    g.mergeEdge("x1", "broker");
    g.mergeEdge("broker", "x2");
    const roles = brokerage(g, (n) => (n === "broker" ? "Y" : "X"));
    expect(roles.broker).toEqual({
      coordinator: 0,
      itinerant: 2,
      representative: 0,
      gatekeeper: 0,
      liaison: 0,
      total: 2,
    });
  });

  it("matches the brute-force count on the karate club, with the clubs as groups", () => {
    const karate = fixture("karate");
    const graph = load(karate, false);
    const analysis = brokerageAnalysis(graph, groupOf(graph));
    expect(analysis.raw).toEqual(karate.brokerage!.raw);
    expect(brokerage(graph, groupOf(graph))).toEqual(karate.brokerage!.raw);
    expect(analysis.density).toBeCloseTo(karate.brokerage!.density, 12);
    for (const node of Object.keys(karate.brokerage!.raw)) {
      expectClose(analysis.expected[node]!, karate.brokerage!.expected[node]!);
      expectClose(analysis.z[node]!, karate.brokerage!.z[node]!);
    }
  });

  it("matches the brute-force count on a digraph, where a one-way arc is one two-path", () => {
    const directed = fixture("directed");
    const graph = load(directed, true);
    const analysis = brokerageAnalysis(graph, groupOf(graph));
    expect(analysis.raw).toEqual(directed.brokerage!.raw);
    for (const node of Object.keys(directed.brokerage!.raw)) {
      expectClose(analysis.expected[node]!, directed.brokerage!.expected[node]!);
      expectClose(analysis.z[node]!, directed.brokerage!.z[node]!);
    }
  });
});
