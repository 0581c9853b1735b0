import type { AbstractGraph, Attributes } from "graphology-types";

/**
 * Burt's structural-hole measures (Burt 1992, *Structural Holes*, ch. 2), written for graphology
 * because neither graphology-metrics nor any other maintained JavaScript library has them. The
 * definitions are NetworkX's (`nx.constraint`, `nx.effective_size` with `weight="weight"`), so a
 * figure here can be checked against the reference values in ./fixtures (made by
 * ./fixtures/reference.py with NetworkX 3.6.1).
 *
 * Both rest on the *mutual weight* a(u, v): the weights of all ties between u and v, in either
 * direction, added up (an edge without a `weight` attribute weighs 1). From it:
 *   p(u, v) = a(u, v) / Σ_w a(u, w)   the share of u's time and energy that goes to v
 *   m(u, v) = a(u, v) / max_w a(u, w)  u's tie to v measured against u's strongest tie
 * NetworkX counts an undirected edge twice in a(u, v) (u→v plus v→u); p and m are ratios, so
 * counting it once, as here, gives the same values.
 *
 * A node without contacts has no defined value (NetworkX answers NaN): it gets null. Self-loops
 * are left out — a tie with oneself is no contact in Burt's sense, and the co-participation graph
 * has none.
 */

export type StructuralHoleScores = Record<string, number | null>;

/** The graph as integer-indexed adjacency (CSR): each node's distinct contacts and mutual weights. */
interface Contacts {
  keys: string[];
  /** Contacts of node i are nbr[start[i] .. start[i + 1]). */
  start: Int32Array;
  nbr: Int32Array;
  weight: Float64Array;
  /** Σ and max of node i's mutual weights, computed once: every p and m below divides by them. */
  sum: Float64Array;
  max: Float64Array;
}

function edgeWeight(attributes: Attributes, edge: string): number {
  const w: unknown = attributes.weight;
  if (w === undefined || w === null) return 1;
  // A zero, negative or non-numeric weight is a bug in whoever built the graph (graph.ts makes
  // positive weights); NetworkX's two code paths would even disagree on zero-weight ties.
  if (typeof w !== "number" || !Number.isFinite(w) || w <= 0)
    throw new RangeError(`edge ${edge}: weight must be a positive number, got ${String(w)}`);
  return w;
}

function contactsOf<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
): Contacts {
  const keys: string[] = [];
  const index = new Map<string, number>();
  graph.forEachNode((node) => {
    index.set(node, keys.length);
    keys.push(node);
  });
  const n = keys.length;

  // Typed arrays, not a Map per node: this runs on every view of a graph of thousands of nodes.
  // First every edge end goes into its node's row, then each row's repeats (both directions of
  // a digraph tie, parallel edges) are merged: mutual weight adds them up (NetworkX's
  // mutual_weight).
  const source = new Int32Array(graph.size);
  const target = new Int32Array(graph.size);
  const edgeW = new Float64Array(graph.size);
  const degree = new Int32Array(n);
  let edges = 0;
  graph.forEachEdge((edge, attributes, s, t) => {
    if (s === t) return;
    const i = index.get(s)!;
    const j = index.get(t)!;
    source[edges] = i;
    target[edges] = j;
    edgeW[edges++] = edgeWeight(attributes, edge);
    degree[i]!++;
    degree[j]!++;
  });
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + degree[i]!;
  const nbr = new Int32Array(start[n]!);
  const weight = new Float64Array(start[n]!);
  const fill = start.slice(0, n);
  for (let e = 0; e < edges; e++) {
    const i = source[e]!;
    const j = target[e]!;
    nbr[fill[i]!] = j;
    weight[fill[i]!++] = edgeW[e]!;
    nbr[fill[j]!] = i;
    weight[fill[j]!++] = edgeW[e]!;
  }

  const slot = new Int32Array(n).fill(-1);
  const owner = new Int32Array(n).fill(-1);
  const sum = new Float64Array(n);
  const max = new Float64Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const from = start[i]!;
    const to = start[i + 1]!;
    start[i] = at;
    for (let x = from; x < to; x++) {
      const j = nbr[x]!;
      if (owner[j] === i) weight[slot[j]!]! += weight[x]!;
      else {
        owner[j] = i;
        slot[j] = at;
        nbr[at] = j;
        weight[at++] = weight[x]!;
      }
    }
    let s = 0;
    let m = 0;
    for (let x = start[i]!; x < at; x++) {
      s += weight[x]!;
      if (weight[x]! > m) m = weight[x]!;
    }
    sum[i] = s;
    max[i] = m;
  }
  start[n] = at;
  return { keys, start, nbr, weight, sum, max };
}

function constraintOf(c: Contacts): StructuralHoleScores {
  const { keys, start, nbr, weight, sum } = c;
  const n = keys.length;
  // indirect[j] = Σ_q p(i, q) · p(q, j): how much of i's investment reaches j through i's other
  // contacts q. Filled by walking i's contacts' contacts once, so the whole run costs
  // Σ_q deg(q)², not deg(i)² edge look-ups per node. `seen` marks which entries belong to i.
  const indirect = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  const result: StructuralHoleScores = {};
  for (let i = 0; i < n; i++) {
    const from = start[i]!;
    const to = start[i + 1]!;
    if (from === to) {
      result[keys[i]!] = null;
      continue;
    }
    for (let x = from; x < to; x++) {
      const q = nbr[x]!;
      const piq = weight[x]! / sum[i]!;
      for (let y = start[q]!; y < start[q + 1]!; y++) {
        const j = nbr[y]!;
        if (seen[j] !== i) {
          seen[j] = i;
          indirect[j] = 0;
        }
        indirect[j]! += (piq * weight[y]!) / sum[q]!;
      }
    }
    // Burt's c(i) = Σ_j (p(i, j) + Σ_q p(i, q) p(q, j))², over i's contacts j: a contact constrains
    // i by what i invests in it directly and through the contacts they share.
    let total = 0;
    for (let x = from; x < to; x++) {
      const j = nbr[x]!;
      const direct = weight[x]! / sum[i]!;
      const through = seen[j] === i ? indirect[j]! : 0;
      total += (direct + through) ** 2;
    }
    result[keys[i]!] = total;
  }
  return result;
}

function effectiveSizeOf(c: Contacts): StructuralHoleScores {
  const { keys, start, nbr, weight, sum, max } = c;
  const n = keys.length;
  // contact[j] === i marks j as one of i's contacts while i is being scored.
  const contact = new Int32Array(n).fill(-1);
  const result: StructuralHoleScores = {};
  for (let i = 0; i < n; i++) {
    const from = start[i]!;
    const to = start[i + 1]!;
    if (from === to) {
      result[keys[i]!] = null;
      continue;
    }
    for (let x = from; x < to; x++) contact[nbr[x]!] = i;
    // Burt's e(i) = Σ_j (1 − Σ_q p(i, q) m(j, q)) over i's contacts j: each contact counts one,
    // less the part of it that is redundant with i's other contacts q. Only a q tied to j adds
    // to the redundancy, so walk each q's contacts and keep those that are also i's.
    let redundancy = 0;
    for (let x = from; x < to; x++) {
      const q = nbr[x]!;
      const piq = weight[x]! / sum[i]!;
      for (let y = start[q]!; y < start[q + 1]!; y++) {
        const j = nbr[y]!;
        if (contact[j] === i) redundancy += (piq * weight[y]!) / max[j]!;
      }
    }
    result[keys[i]!] = to - from - redundancy;
  }
  return result;
}

/**
 * Burt's constraint on every node: from about 1/degree (contacts that do not know each other) up
 * to 1 and a little over (one contact, or contacts all tied to each other). Low constraint is the
 * broker's position across structural holes. NetworkX `nx.constraint(G, weight="weight")`.
 */
export function constraint<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
): StructuralHoleScores {
  return constraintOf(contactsOf(graph));
}

/**
 * Burt's effective size of every node's ego network: its number of contacts less their
 * redundancy (how much they are tied to each other). For an unweighted graph this is Borgatti's
 * n − 2t/n. Burt's per-node definition as in NetworkX's `nx.effective_size(G, nodes=…,
 * weight="weight")`; NetworkX 3.6.1's all-nodes matrix shortcut divides by the wrong node's
 * strongest tie on weighted graphs (networkx/networkx pull request #8906) and is not followed.
 */
export function effectiveSize<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
): StructuralHoleScores {
  return effectiveSizeOf(contactsOf(graph));
}

/** Both measures from one pass over the edges, for callers that show both. */
export function structuralHoles<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E>,
): { constraint: StructuralHoleScores; effectiveSize: StructuralHoleScores } {
  const contacts = contactsOf(graph);
  return { constraint: constraintOf(contacts), effectiveSize: effectiveSizeOf(contacts) };
}
