import { UndirectedGraph } from "graphology";
import { isPerspective, type Perspective } from "../kernel/sectors.ts";
import {
  TIE_KINDS,
  type DeclaredTie,
  type Occasion,
  type Register,
  type TieKind,
} from "./participation.ts";

export type Level = "people" | "organisations";
export const LEVELS = ["people", "organisations"] as const satisfies readonly Level[];

export interface PartyAttributes {
  label: string;
  /** A person's is their organisation's sector; "other" when unknown. */
  sector: string;
  perspectives: Perspective[];
  /** A person's organisation (name), for the tables; empty for organisations. */
  organisation: string;
  /** How many occasions the party was at (in the filtered window). */
  occasions: number;
  /** Distinct parties tied to, counting every tie (also those the backbone leaves out). */
  contacts: number;
  /** Σ weights of every tie. */
  strength: number;
}

export interface TieAttributes {
  /** Σ over shared occasions of recency / (others at the occasion), plus declared ties. */
  weight: number;
  /** How many occasions they shared. */
  count: number;
  kinds: TieKind[];
  last: number;
}

export interface GraphAttributes {
  /** Whether only the backbone is kept (see BACKBONE_FROM). */
  backbone: boolean;
  /** How many ties there are in all. */
  ties: number;
}

export type NetworkGraph = UndirectedGraph<PartyAttributes, TieAttributes, GraphAttributes>;

/** The register with lookups by id, made once per network. */
export interface IndexedRegister extends Register {
  personIndex: Map<string, number>;
  organisationIndex: Map<string, number>;
  organisationById: Map<string, Register["organisations"][number]>;
}

export function indexRegister(register: Register): IndexedRegister {
  return {
    ...register,
    personIndex: new Map(register.people.map((p, i) => [p.id, i])),
    organisationIndex: new Map(register.organisations.map((o, i) => [o.id, i])),
    organisationById: new Map(register.organisations.map((o) => [o.id, o])),
  };
}

/**
 * An occasion larger than this makes no person-to-person ties: nobody meets everyone in a hall
 * of 80; working in a workshop of 25 or a dialogue group of 6 is meeting. The organisations
 * present still count, and so does the presence for coverage.
 */
export const MAX_OCCASION_SIZE = 40;
/** A shared occasion's weight halves every two years: a tie lives on what happened lately. */
export const HALF_LIFE_DAYS = 730;
const DAY = 86_400_000;

export const recency = (at: Date, now: Date) =>
  Math.pow(0.5, Math.max(0, now.getTime() - at.getTime()) / DAY / HALF_LIFE_DAYS);

const nodeId = (level: Level, id: string) => (level === "people" ? `p:${id}` : `o:${id}`);

function partyAttributes(level: Level, i: number, register: IndexedRegister): PartyAttributes {
  const empty = { perspectives: [], organisation: "", occasions: 0, contacts: 0, strength: 0 };
  if (level === "organisations") {
    const o = register.organisations[i]!;
    return { ...empty, label: o.name, sector: o.sector };
  }
  const p = register.people[i]!;
  const org = p.organisationId ? register.organisationById.get(p.organisationId) : undefined;
  return {
    ...empty,
    label: p.name,
    sector: org?.sector ?? "other",
    perspectives: p.perspectives.filter(isPerspective),
    organisation: org?.name ?? "",
  };
}

/**
 * Above this many ties, the graph keeps each party's strongest ties only (a k-nearest-neighbour
 * backbone): a region of 5,000 people who each met a few hundred others in workshops has
 * 400,000 ties, which no map can show and no path measure can walk in time. Contacts and
 * strength always count every tie.
 */
export const BACKBONE_FROM = 20_000;
export const BACKBONE_PER_PARTY = 12;

const KIND_BIT = Object.fromEntries(TIE_KINDS.map((k, i) => [k, 1 << i])) as Record<
  TieKind,
  number
>;

interface PairTie {
  a: number;
  b: number;
  weight: number;
  count: number;
  /** Bit i set: a tie of TIE_KINDS[i] (a Set per pair costs more than the rest of the build). */
  kinds: number;
  last: number;
}

/**
 * The one-mode network of one level from the two-mode record of who was where. Each occasion
 * ties every pair of its parties with recency / (n − 1) (Newman's collaboration weighting: a
 * pair in a group of three shares more than a pair in a workshop of thirty), so a tie's weight
 * says how often and how recently, and a big occasion does not swamp the small ones.
 */
export function buildGraph(
  level: Level,
  occasions: readonly Occasion[],
  declared: readonly DeclaredTie[],
  register: IndexedRegister,
  now: Date,
): NetworkGraph {
  const list = level === "people" ? register.people : register.organisations;
  const width = list.length;
  const present = new Uint8Array(width);
  const attended = new Uint32Array(width);

  // Pairs by a small-integer key (a < b): a Map of small integers keeps 600,000 pair
  // contributions to a fraction of a second; strings or large numbers as keys cost ten times more.
  const pairs = new Map<number, PairTie>();
  const add = (x: number, y: number, weight: number, kind: TieKind, at: number) => {
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    const key = a * width + b;
    const tie = pairs.get(key);
    if (!tie) {
      pairs.set(key, { a, b, weight, count: 1, kinds: KIND_BIT[kind], last: at });
      return;
    }
    tie.weight += weight;
    tie.count += 1;
    tie.kinds |= KIND_BIT[kind];
    if (at > tie.last) tie.last = at;
  };
  for (const occ of occasions) {
    const members = level === "people" ? occ.people : occ.organisations;
    for (const m of members) {
      present[m] = 1;
      attended[m]! += 1;
    }
    if (members.length < 2 || members.length > MAX_OCCASION_SIZE) continue;
    const w = recency(occ.at, now) / (members.length - 1);
    const at = occ.at.getTime();
    for (let i = 0; i < members.length; i++)
      for (let j = i + 1; j < members.length; j++) add(members[i]!, members[j]!, w, occ.kind, at);
  }
  const byId = level === "people" ? register.personIndex : register.organisationIndex;
  for (const tie of declared) {
    if ((tie.level === "person") !== (level === "people")) continue;
    const a = byId.get(tie.a);
    const b = byId.get(tie.b);
    // A declared tie says they work together now: full weight, no decay.
    if (a === undefined || b === undefined || a === b) continue;
    present[a] = 1;
    present[b] = 1;
    add(a, b, 1, "declared", tie.at.getTime());
  }

  const contacts = new Uint32Array(width);
  const strength = new Float64Array(width);
  for (const t of pairs.values()) {
    contacts[t.a]! += 1;
    contacts[t.b]! += 1;
    strength[t.a]! += t.weight;
    strength[t.b]! += t.weight;
  }

  let kept: Iterable<PairTie> = pairs.values();
  if (pairs.size > BACKBONE_FROM) {
    const strongest: PairTie[][] = Array.from({ length: width }, () => []);
    for (const t of pairs.values()) {
      strongest[t.a]!.push(t);
      strongest[t.b]!.push(t);
    }
    const keep = new Set<PairTie>();
    for (const list of strongest)
      for (const t of strongestOf(list, BACKBONE_PER_PARTY)) keep.add(t);
    kept = keep;
  }

  const graph: NetworkGraph = new UndirectedGraph();
  const ids = list.map((x) => x.id);
  for (let i = 0; i < width; i++) {
    if (!present[i]) continue;
    graph.addNode(nodeId(level, ids[i]!), {
      ...partyAttributes(level, i, register),
      occasions: attended[i]!,
      contacts: contacts[i]!,
      strength: strength[i]!,
    });
  }
  for (const t of kept)
    graph.addUndirectedEdge(nodeId(level, ids[t.a]!), nodeId(level, ids[t.b]!), {
      weight: t.weight,
      count: t.count,
      kinds: TIE_KINDS.filter((k) => (t.kinds & KIND_BIT[k]) !== 0),
      last: t.last,
    });
  graph.setAttribute("backbone", pairs.size > BACKBONE_FROM);
  graph.setAttribute("ties", pairs.size);
  return graph;
}

/** The k heaviest ties of a list, in one pass (sorting every party's few hundred ties is slower). */
function strongestOf(list: PairTie[], k: number): PairTie[] {
  if (list.length <= k) return list;
  const top: PairTie[] = [];
  for (const t of list) {
    if (top.length === k && t.weight <= top[k - 1]!.weight) continue;
    let i = top.length === k ? k - 1 : top.length;
    while (i > 0 && top[i - 1]!.weight < t.weight) {
      top[i] = top[i - 1]!;
      i--;
    }
    top[i] = t;
  }
  return top;
}

/** The id of the register's row behind a node ("p:…" / "o:…"). */
export const rowId = (node: string) => node.slice(2);
