import { PERSPECTIVES, SECTORS } from "../kernel/sectors.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { bridgeBuilders, type BridgeBuilder } from "./bridges.ts";
import { compareNetworks, type Comparison } from "./compare.ts";
import { coverageOf, type Coverage } from "./coverage.ts";
import { rowId, type Level } from "./graph.ts";
import type { NodeMeasures } from "./measures.ts";
import { mirrorOf, type Mirror } from "./mirror.ts";
import { declaredTiesOfPeople } from "./moveTies.ts";
import { networkOf, type Network, type NetworkQuery } from "./network.ts";
import type { TieKind } from "./participation.ts";
import type { NetworkQueryInput, NodeSort } from "./schema.ts";

export const PAGE_SIZE = 50;
const TIES_SHOWN = 50;
const YEAR = 365 * 86_400_000;

export interface NodeRow extends Omit<NodeMeasures, "id"> {
  id: string;
  /** The register's id (person or organisation) behind the node, for links. */
  rowId: string;
  label: string;
  organisation: string;
  sector: string;
  perspectives: string[];
  contacts: number;
  occasions: number;
}

export interface TieRow {
  a: { id: string; label: string };
  b: { id: string; label: string };
  weight: number;
  count: number;
  kinds: TieKind[];
  last: string;
}

export interface Period {
  from: string | null;
  to: string | null;
}

export interface NetworkPage {
  level: Level;
  period: Period;
  kinds: TieKind[];
  summary: {
    parties: number;
    ties: number;
    /** Ties in the map and the path measures: fewer than `ties` when only the backbone is kept. */
    shownTies: number;
    backbone: boolean;
    sampled: number | null;
    communities: number;
    /** Parties without any tie (present, but alone). */
    alone: number;
    density: number;
    computedAt: string;
  };
  /** Parties per sector, every sector of the list (zeros too: an empty row is a finding). */
  sectors: { sector: string; parties: number }[];
  perspectives: { perspective: string; parties: number }[];
  bridges: BridgeBuilder[];
  nodes: { rows: NodeRow[]; total: number; page: number; pages: number; sort: NodeSort };
  ties: TieRow[];
  focus: (Mirror & { id: string; rowId: string }) | null;
  comparison: Comparison & {
    before: Period & Comparison["before"];
    after: Period & Comparison["after"];
  };
  coverage: Coverage | null;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

function nodeRow(network: Network, m: NodeMeasures): NodeRow {
  const a = network.graph.getNodeAttributes(m.id);
  return {
    ...m,
    rowId: rowId(m.id),
    label: a.label,
    organisation: a.organisation,
    sector: a.sector,
    perspectives: a.perspectives,
    contacts: a.contacts,
    occasions: a.occasions,
  };
}

const sorters: Record<NodeSort, (a: NodeRow, b: NodeRow) => number> = {
  betweenness: (a, b) => b.betweenness - a.betweenness,
  contacts: (a, b) => b.contacts - a.contacts,
  strength: (a, b) => b.strength - a.strength,
  closeness: (a, b) => b.closeness - a.closeness,
  // Low constraint is the open, bridging position: it sorts first.
  constraint: (a, b) => (a.constraint ?? Infinity) - (b.constraint ?? Infinity),
  effectiveSize: (a, b) => (b.effectiveSize ?? -1) - (a.effectiveSize ?? -1),
  brokerage: (a, b) => b.brokerage.total - a.brokerage.total,
  label: (a, b) => collator.compare(a.label, b.label),
};

const collator = new Intl.Collator("nl");

/**
 * What the page shows of a network that does not depend on the request, worked out once per
 * computed network (the networks themselves are cached): a page of a region of 5,000 people then
 * costs a sort of its rows, not a pass over 40,000 ties.
 */
interface Derived {
  rows: NodeRow[];
  sorted: Map<NodeSort, NodeRow[]>;
  topTies: TieRow[];
  bridges: BridgeBuilder[];
  composition: {
    sectorCounts: Map<string, number>;
    perspectiveCounts: Map<string, number>;
    communities: Set<number>;
    alone: number;
  };
}
const derivedCache = new WeakMap<Network, Derived>();
const comparisons = new WeakMap<Network, WeakMap<Network, Comparison>>();
const coverages = new WeakMap<Network, WeakMap<Network, Coverage>>();

function memo2<V>(
  cache: WeakMap<Network, WeakMap<Network, V>>,
  a: Network,
  b: Network,
  make: () => V,
): V {
  let inner = cache.get(a);
  if (!inner) cache.set(a, (inner = new WeakMap()));
  let v = inner.get(b);
  if (v === undefined) inner.set(b, (v = make()));
  return v;
}

function derivedOf(network: Network): Derived {
  const cached = derivedCache.get(network);
  if (cached) return cached;
  const { graph, measures } = network;
  const ties: TieRow[] = [];
  graph.forEachEdge((_e, attrs, source, target) => {
    ties.push({
      a: { id: source, label: graph.getNodeAttribute(source, "label") },
      b: { id: target, label: graph.getNodeAttribute(target, "label") },
      weight: attrs.weight,
      count: attrs.count,
      kinds: attrs.kinds,
      last: new Date(attrs.last).toISOString(),
    });
  });
  ties.sort((x, y) => y.weight - x.weight);
  const sectorCounts = new Map<string, number>(SECTORS.map((s) => [s, 0]));
  const perspectiveCounts = new Map<string, number>(PERSPECTIVES.map((p) => [p, 0]));
  const communities = new Set<number>();
  let alone = 0;
  graph.forEachNode((node, a) => {
    sectorCounts.set(a.sector, (sectorCounts.get(a.sector) ?? 0) + 1);
    for (const p of a.perspectives) perspectiveCounts.set(p, (perspectiveCounts.get(p) ?? 0) + 1);
    communities.add(measures.get(node)?.community ?? 0);
    if (a.contacts === 0) alone += 1;
  });
  const derived: Derived = {
    rows: [...measures.values()].map((m) => nodeRow(network, m)),
    sorted: new Map(),
    topTies: ties.slice(0, TIES_SHOWN),
    bridges: bridgeBuilders(network, 10),
    composition: { sectorCounts, perspectiveCounts, communities, alone },
  };
  derivedCache.set(network, derived);
  return derived;
}

function sortedRows(derived: Derived, sort: NodeSort): NodeRow[] {
  let rows = derived.sorted.get(sort);
  if (!rows) {
    rows = [...derived.rows].sort(
      (a, b) => sorters[sort](a, b) || collator.compare(a.label, b.label),
    );
    derived.sorted.set(sort, rows);
  }
  return rows;
}

/**
 * The two periods compared on the page: the period asked for (or the last twelve months) and
 * the period of the same length just before it.
 */
export function comparedPeriods(input: { from?: Date; to?: Date }, now: Date) {
  // Up to the end of today, not this millisecond: the periods are part of the cache key, and a
  // key that moves with the clock would compute both networks again on every request.
  const endOfToday = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1),
  );
  const to = input.to ?? endOfToday;
  const from = input.from ?? new Date(to.getTime() - YEAR);
  const span = Math.max(to.getTime() - from.getTime(), 86_400_000);
  return { after: { from, to }, before: { from: new Date(from.getTime() - span), to: from } };
}

/**
 * Everything the network page shows, for the region or for one challenge (`challengeId`,
 * already checked to be the region's). Reads cached networks (network.ts); the work per request
 * is sorting and slicing.
 */
export async function networkPage(
  scope: RegionScope,
  input: NetworkQueryInput,
  challengeId: string | null = null,
  now = new Date(),
): Promise<NetworkPage> {
  const base: NetworkQuery = {
    level: input.level,
    challengeId,
    from: input.from ?? null,
    to: input.to ?? null,
    kinds: input.kinds,
  };
  const periods = comparedPeriods(input, now);
  const [network, before, after, regionPeople] = await Promise.all([
    networkOf(scope.db, scope.regionId, base, now),
    networkOf(scope.db, scope.regionId, { ...base, ...periods.before }, now),
    networkOf(scope.db, scope.regionId, { ...base, ...periods.after }, now),
    challengeId
      ? networkOf(scope.db, scope.regionId, { level: "people" }, now)
      : Promise.resolve(null),
  ]);
  const { graph } = network;
  const derived = derivedOf(network);

  const q = input.q.toLocaleLowerCase("nl");
  const sorted = sortedRows(derived, input.sort);
  const rows =
    q === ""
      ? sorted
      : sorted.filter(
          (r) =>
            r.label.toLocaleLowerCase("nl").includes(q) ||
            r.organisation.toLocaleLowerCase("nl").includes(q),
        );
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(input.page, pages);
  const { sectorCounts, perspectiveCounts, communities, alone } = derived.composition;
  const n = graph.order;

  const focusId = input.focus && graph.hasNode(input.focus) ? input.focus : null;
  const focus = focusId ? mirrorOf(network, focusId) : null;
  const comparison = memo2(comparisons, before, after, () => compareNetworks(before, after));

  return {
    level: input.level,
    period: { from: iso(input.from), to: iso(input.to) },
    kinds: input.kinds,
    summary: {
      parties: n,
      ties: graph.getAttribute("ties") ?? graph.size,
      shownTies: graph.size,
      backbone: graph.getAttribute("backbone") ?? false,
      sampled: network.sampled,
      communities: n === 0 ? 0 : communities.size,
      alone,
      density: n < 2 ? 0 : (2 * (graph.getAttribute("ties") ?? graph.size)) / (n * (n - 1)),
      computedAt: network.computedAt.toISOString(),
    },
    sectors: [...sectorCounts.entries()].map(([sector, parties]) => ({ sector, parties })),
    perspectives: [...perspectiveCounts.entries()].map(([perspective, parties]) => ({
      perspective,
      parties,
    })),
    bridges: derived.bridges,
    nodes: {
      rows: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
      total: rows.length,
      page,
      pages,
      sort: input.sort,
    },
    ties: derived.topTies,
    focus: focus && focusId ? { ...focus, id: focusId, rowId: rowId(focusId) } : null,
    comparison: {
      ...comparison,
      before: {
        ...comparison.before,
        from: iso(periods.before.from),
        to: iso(periods.before.to),
      },
      after: { ...comparison.after, from: iso(periods.after.from), to: iso(periods.after.to) },
    },
    coverage: regionPeople
      ? memo2(coverages, network, regionPeople, () => coverageOf(network, regionPeople))
      : null,
  };
}

/** A challenge of the region by id, for the challenge's network page; null when not ours. */
export async function challengeOf(scope: RegionScope, id: unknown) {
  if (!isId(id)) return null;
  return (
    (await scope.db
      .selectFrom("challenges")
      .select(["id", "title", "slug"])
      .where("id", "=", id)
      .where("region_id", "=", scope.regionId)
      .executeTakeFirst()) ?? null
  );
}

/** A person's own position in the region's network of people; null when not in it. */
export async function personMirror(scope: RegionScope, personId: string, now = new Date()) {
  const network = await networkOf(scope.db, scope.regionId, { level: "people" }, now);
  return mirrorOf(network, `p:${personId}`);
}

/** The ties recorded for a person, for their page (with the other person's name). */
export async function declaredTiesOfPerson(scope: RegionScope, personId: string) {
  // The caller has read the person within the scope's region; a tie never crosses regions.
  const ties = await declaredTiesOfPeople(scope.db, [personId]);
  return ties
    .map((t) => ({
      id: t.id,
      kind: t.kind,
      note: t.note,
      createdAt: t.createdAt,
      other: { id: t.withId, name: t.with },
    }))
    .sort((a, b) => collator.compare(a.other.name, b.other.name));
}

/**
 * The register's person behind a signed-in account in this region, by its e-mail address, for
 * "my network position". Only a verified address counts: an address someone else typed into an
 * invitation must not open another person's position.
 */
export async function personOfAccount(scope: RegionScope) {
  return (
    (await scope.db
      .selectFrom("people as p")
      .innerJoin("users as u", (j) =>
        j.on((eb) => eb(eb.fn("lower", ["u.email"]), "=", eb.ref("p.email"))),
      )
      .select(["p.id", "p.name"])
      .where("u.id", "=", scope.userId)
      .where("u.email_verified_at", "is not", null)
      .where("p.region_id", "=", scope.regionId)
      .where("p.erased_at", "is", null)
      .executeTakeFirst()) ?? null
  );
}

/** People of the region to choose from when recording a tie. */
export async function peopleChoices(scope: RegionScope, except: string) {
  return scope.db
    .selectFrom("people")
    .select(["id", "name"])
    .where("region_id", "=", scope.regionId)
    .where("erased_at", "is", null)
    .where("id", "<>", except)
    .orderBy("name")
    .execute();
}

/**
 * The people a person shares a tie with in the region's network, by name: what a member may
 * choose from when recording who they work with (a member does not see the whole register).
 */
export async function contactsOf(scope: RegionScope, personId: string, now = new Date()) {
  const network = await networkOf(scope.db, scope.regionId, { level: "people" }, now);
  const node = `p:${personId}`;
  if (!network.graph.hasNode(node)) return [];
  return network.graph
    .neighbors(node)
    .map((n) => ({ id: rowId(n), name: network.graph.getNodeAttribute(n, "label") }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
