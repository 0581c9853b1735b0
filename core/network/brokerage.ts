import type { AbstractGraph, Attributes } from "graphology-types";

/**
 * Gould & Fernandez's brokerage roles (Gould, R.V. & Fernandez, R.M. 1989, "Structures of
 * Mediation: A Formal Approach to Brokerage in Transaction Networks", Sociological Methodology
 * 19: 89–126), as R's `sna::brokerage(g, cl)` counts them; no JavaScript library has them.
 *
 * b brokers the two-path a → b → c when a ≠ c and there is no arc a → c: without b, a does not
 * reach c. An undirected edge is two arcs (sna reads a symmetric adjacency matrix so), so in an
 * undirected graph every brokered pair is counted both ways, and representative and gatekeeper
 * are always equal (a → b → c as representative is c → b → a as gatekeeper). The groups of a, b
 * and c name the role:
 *   coordinator     a, b, c all in one group                 (w_I)
 *   itinerant       a and c in one group, b in another       (w_O, "consultant")
 *   representative  a and b in one group, c in another       (b_IO: b speaks for its group)
 *   gatekeeper      b and c in one group, a in another       (b_OI: b lets the outside in)
 *   liaison         three different groups                   (b_O)
 * Self-loops and parallel edges are no extra two-paths (sna's edge lists have neither).
 */

export const BROKERAGE_ROLES = [
  "coordinator",
  "itinerant",
  "representative",
  "gatekeeper",
  "liaison",
] as const;
export type BrokerageRole = (typeof BROKERAGE_ROLES)[number];
export type BrokerageRoles = Record<BrokerageRole | "total", number>;

interface Arcs {
  keys: string[];
  /** Out-neighbours of i: out[outStart[i] .. outStart[i + 1]); in-neighbours likewise. */
  outStart: Int32Array;
  out: Int32Array;
  inStart: Int32Array;
  in: Int32Array;
  /** Group of each node as a small integer. */
  group: Int32Array;
  groupSizes: number[];
  arcCount: number;
}

function arcsOf<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  groupOf: (node: string) => string,
): Arcs {
  const keys: string[] = [];
  const index = new Map<string, number>();
  const groupIndex = new Map<string, number>();
  const groupSizes: number[] = [];
  const groups: number[] = [];
  graph.forEachNode((node) => {
    index.set(node, keys.length);
    keys.push(node);
    const name = groupOf(node);
    let g = groupIndex.get(name);
    if (g === undefined) {
      groupIndex.set(name, (g = groupSizes.length));
      groupSizes.push(0);
    }
    groupSizes[g]!++;
    groups.push(g);
  });
  const n = keys.length;
  // Typed arrays rather than a Set per node (this runs on graphs of thousands of nodes): every
  // arc goes into its tail's row, then repeats (parallel edges, an undirected edge beside a
  // directed one) are dropped row by row.
  const tail: number[] = [];
  const head: number[] = [];
  const outDegree = new Int32Array(n);
  graph.forEachEdge((_edge, _attributes, source, target, _s, _t, undirected) => {
    if (source === target) return;
    const i = index.get(source)!;
    const j = index.get(target)!;
    tail.push(i);
    head.push(j);
    outDegree[i]!++;
    if (undirected) {
      tail.push(j);
      head.push(i);
      outDegree[j]!++;
    }
  });
  const outStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) outStart[i + 1] = outStart[i]! + outDegree[i]!;
  const out = new Int32Array(outStart[n]!);
  const fillOut = outStart.slice(0, n);
  for (let e = 0; e < tail.length; e++) out[fillOut[tail[e]!]!++] = head[e]!;
  const owner = new Int32Array(n).fill(-1);
  const inDegree = new Int32Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const from = outStart[i]!;
    const to = outStart[i + 1]!;
    outStart[i] = at;
    for (let x = from; x < to; x++) {
      const j = out[x]!;
      if (owner[j] === i) continue;
      owner[j] = i;
      out[at++] = j;
      inDegree[j]!++;
    }
  }
  outStart[n] = at;

  const inStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) inStart[i + 1] = inStart[i]! + inDegree[i]!;
  const inArcs = new Int32Array(at);
  const fillIn = inStart.slice(0, n);
  for (let i = 0; i < n; i++)
    for (let x = outStart[i]!; x < outStart[i + 1]!; x++) inArcs[fillIn[out[x]!]!++] = i;
  return {
    keys,
    outStart,
    out: out.subarray(0, at),
    inStart,
    in: inArcs,
    group: Int32Array.from(groups),
    groupSizes,
    arcCount: at,
  };
}

function countRoles(arcs: Arcs): Record<string, BrokerageRoles> {
  const { keys, outStart, out, inStart, in: inArcs, group } = arcs;
  const n = keys.length;
  // For broker b: which nodes b reaches (reach[c] === b) and how many of them per group. Then for
  // each a → b, the brokered c are b's targets less a itself and less a's own targets, so the
  // counts come from subtracting a's overlap with b's targets — Σ_a outdeg(a)² in all, with
  // array look-ups instead of a set test per (a, c) pair.
  const reach = new Int32Array(n).fill(-1);
  const perGroup = new Int32Array(arcs.groupSizes.length);
  const result: Record<string, BrokerageRoles> = {};
  for (let b = 0; b < n; b++) {
    const counts: BrokerageRoles = {
      coordinator: 0,
      itinerant: 0,
      representative: 0,
      gatekeeper: 0,
      liaison: 0,
      total: 0,
    };
    const targets = outStart[b + 1]! - outStart[b]!;
    for (let x = outStart[b]!; x < outStart[b + 1]!; x++) {
      reach[out[x]!] = b;
      perGroup[group[out[x]!]!]!++;
    }
    const gb = group[b]!;
    for (let x = inStart[b]!; x < inStart[b + 1]!; x++) {
      const a = inArcs[x]!;
      const ga = group[a]!;
      const aIsTarget = reach[a] === b ? 1 : 0;
      let shared = 0;
      let sharedInA = 0;
      let sharedInB = 0;
      for (let y = outStart[a]!; y < outStart[a + 1]!; y++) {
        const c = out[y]!;
        if (reach[c] !== b) continue;
        shared++;
        if (group[c] === ga) sharedInA++;
        if (group[c] === gb) sharedInB++;
      }
      // The c that b brokers for a, and how many of them are in a's group and in b's.
      const brokered = targets - aIsTarget - shared;
      const withA = perGroup[ga]! - aIsTarget - sharedInA;
      if (ga === gb) {
        counts.coordinator += withA;
        counts.representative += brokered - withA;
      } else {
        const withB = perGroup[gb]! - sharedInB;
        counts.itinerant += withA;
        counts.gatekeeper += withB;
        counts.liaison += brokered - withA - withB;
      }
      counts.total += brokered;
    }
    for (let x = outStart[b]!; x < outStart[b + 1]!; x++) perGroup[group[out[x]!]!]!--;
    result[keys[b]!] = counts;
  }
  return result;
}

/**
 * Every node's brokerage counts: how many ordered pairs (a, c) it brokers in each role, with
 * `groupOf` naming each node's group (e.g. its sector). Raw counts as sna's `raw.nli`; in an
 * undirected graph each unordered pair counts twice and representative === gatekeeper.
 */
export function brokerage<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  groupOf: (node: string) => string,
): Record<string, BrokerageRoles> {
  return countRoles(arcsOf(graph, groupOf));
}

export interface BrokerageAnalysis {
  /** Arcs over ordered pairs, N(N − 1): the tie probability of the null model. */
  density: number;
  raw: Record<string, BrokerageRoles>;
  /** Expected counts if the same number of arcs fell at random (sna's `exp.nli`). */
  expected: Record<string, BrokerageRoles>;
  /**
   * (raw − expected) / sd per role (sna's `z.nli`); null where the null model allows no spread,
   * e.g. liaison when there are only two groups (sna gives NaN there).
   */
  z: Record<string, Record<BrokerageRole | "total", number | null>>;
}

const choose2 = (x: number) => (x * (x - 1)) / 2;

/**
 * Raw counts with Gould & Fernandez's expectations and z-scores under random ties of the graph's
 * density, as sna's brokerage() computes them (moments by the broker's group size n_i, with N the
 * number of nodes and d the density; each variance is E·(1 − d²(1 − d)) plus a covariance term
 * times d³(1 − d)³). A z of 2 and more marks a node that brokers that way more than chance would.
 */
export function brokerageAnalysis<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
  groupOf: (node: string) => string,
): BrokerageAnalysis {
  const arcs = arcsOf(graph, groupOf);
  const raw = countRoles(arcs);
  const N = arcs.keys.length;
  const d = N > 1 ? arcs.arcCount / (N * (N - 1)) : 0;
  const q = d * d * (1 - d);
  const r = d ** 3 * (1 - d) ** 3;
  const sizes = arcs.groupSizes;

  // The moments depend only on the broker's group, so compute them once per group.
  const moments = sizes.map((ni, g) => {
    const others = sizes.filter((_, h) => h !== g);
    const sum = (f: (n: number) => number) => others.reduce((s, n) => s + f(n), 0);
    const between = 2 * ((ni - 1) * choose2(N - ni) + (N - ni) * choose2(ni - 1));
    const terms: Record<BrokerageRole | "total", [count: number, covariance: number]> = {
      coordinator: [(ni - 1) * (ni - 2), 2 * (ni - 1) * (ni - 2) * (ni - 3)],
      itinerant: [sum((n) => n * (n - 1)), 2 * sum((n) => n * (n - 1) * (n - 2))],
      representative: [(N - ni) * (ni - 1), between],
      gatekeeper: [(N - ni) * (ni - 1), between],
      liaison: [sum((n) => n * (N - ni - n)), 4 * sum((n) => n * choose2(N - n - ni))],
      total: [(N - 1) * (N - 2), 2 * (N - 1) * (N - 2) * (N - 3)],
    };
    const expected = {} as BrokerageRoles;
    const sd = {} as BrokerageRoles;
    for (const role of [...BROKERAGE_ROLES, "total"] as const) {
      const [count, covariance] = terms[role];
      expected[role] = q * count;
      sd[role] = Math.sqrt(q * count * (1 - q) + covariance * r);
    }
    return { expected, sd };
  });

  const expected: BrokerageAnalysis["expected"] = {};
  const z: BrokerageAnalysis["z"] = {};
  arcs.keys.forEach((key, i) => {
    const m = moments[arcs.group[i]!]!;
    const counts = raw[key]!;
    expected[key] = { ...m.expected };
    const zs = {} as Record<BrokerageRole | "total", number | null>;
    for (const role of [...BROKERAGE_ROLES, "total"] as const)
      zs[role] = m.sd[role] > 0 ? (counts[role] - m.expected[role]) / m.sd[role] : null;
    z[key] = zs;
  });
  return { density: d, raw, expected, z };
}
