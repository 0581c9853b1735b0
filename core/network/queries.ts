import { PERSPECTIVES, SECTORS } from "../kernel/sectors.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { bridgeBuilders, type BridgeBuilder } from "./bridges.ts";
import { compareNetworks, type Comparison } from "./compare.ts";
import { coverageOf, type Coverage } from "./coverage.ts";
import { rowId, type Level } from "./graph.ts";
import type { NodeMeasures } from "./measures.ts";
import { mirrorOf, type Mirror } from "./mirror.ts";
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
  label: (a, b) => a.label.localeCompare(b.label, "nl"),
};

/**
 * The two periods compared on the page: the period asked for (or the last twelve months) and
 * the period of the same length just before it.
 */
export function comparedPeriods(input: { from?: Date; to?: Date }, now: Date) {
  const to = input.to ?? now;
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
  const { graph, measures } = network;

  const q = input.q.toLocaleLowerCase("nl");
  const rows = [...measures.values()]
    .map((m) => nodeRow(network, m))
    .filter(
      (r) =>
        q === "" ||
        r.label.toLocaleLowerCase("nl").includes(q) ||
        r.organisation.toLocaleLowerCase("nl").includes(q),
    )
    .sort((a, b) => sorters[input.sort](a, b) || a.label.localeCompare(b.label, "nl"));
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(input.page, pages);

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
  const n = graph.order;

  const focusId = input.focus && graph.hasNode(input.focus) ? input.focus : null;
  const focus = focusId ? mirrorOf(network, focusId) : null;
  const comparison = compareNetworks(before, after);

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
    bridges: bridgeBuilders(network, 10),
    nodes: {
      rows: rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
      total: rows.length,
      page,
      pages,
      sort: input.sort,
    },
    ties: ties.slice(0, TIES_SHOWN),
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
    coverage: regionPeople ? coverageOf(network, regionPeople) : null,
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
  const rows = await scope.db
    .selectFrom("network_ties as t")
    .innerJoin("people as o", (j) =>
      j.on((eb) =>
        eb.or([
          eb.and([eb("t.person_a", "=", personId), eb("o.id", "=", eb.ref("t.person_b"))]),
          eb.and([eb("t.person_b", "=", personId), eb("o.id", "=", eb.ref("t.person_a"))]),
        ]),
      ),
    )
    .select([
      "t.id",
      "t.kind",
      "t.note",
      "t.created_at",
      "o.id as other_id",
      "o.name as other_name",
    ])
    .where("t.region_id", "=", scope.regionId)
    .where("o.erased_at", "is", null)
    .orderBy("o.name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    note: r.note,
    createdAt: new Date(r.created_at).toISOString(),
    other: { id: r.other_id, name: r.other_name },
  }));
}
