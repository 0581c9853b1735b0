import { sql } from "kysely";
import { LRUCache } from "lru-cache";
import type { Db, Reader } from "../kernel/tx.ts";
import {
  buildGraph,
  indexRegister,
  type IndexedRegister,
  type Level,
  type NetworkGraph,
} from "./graph.ts";
import { measure, type NodeMeasures } from "./measures.ts";
import {
  declaredTiesOf,
  occasionsOf,
  TIE_KINDS,
  type NetworkFilter,
  type Occasion,
  type TieKind,
} from "./participation.ts";

export interface NetworkQuery extends NetworkFilter {
  level: Level;
  /** Only ties of these kinds (all when empty). */
  kinds?: readonly TieKind[];
}

export interface Network {
  graph: NetworkGraph;
  measures: Map<string, NodeMeasures>;
  /** Who was where, for coverage (presence counts even where no tie is drawn). */
  occasions: Occasion[];
  register: IndexedRegister;
  /** Whether betweenness and closeness are estimated from sampled sources. */
  sampled: number | null;
  computedAt: Date;
  /** How long building and measuring took, for the benchmark and the logs. */
  buildMs: number;
  /** Of buildMs: reading the presences and the register from the database. */
  readMs: number;
  metricsMs: number;
}

/**
 * Computed networks, by region, what changed in it, and the question asked. Building and
 * measuring a big region takes a second or two, so it is done once per change, not per request:
 * the key holds the region's change count and latest change (db/migrations/012_network.sql
 * writes one per transaction that touches a tie), so a check-in or a new coalition member makes
 * the next request compute afresh, in every app process. A request that arrives while the same
 * network is being computed waits for that computation instead of starting its own.
 */
const cache = new LRUCache<string, Promise<Network>>({
  // A network of 5,000 people takes about 40 MB: the cache is bounded by size, not by count,
  // with room for a big region's page (its network and the two periods it compares) twice over.
  // The size of a computation still running is 1; it is set again once known.
  maxSize: 256 * 1_048_576,
  sizeCalculation: () => 1,
});

/** Bytes a computed network holds, roughly (measured: 40 MB for 5,000 parties, 37,700 ties and
 * 21,450 occasions, about 640 bytes each). */
const sizeOf = (n: Network) =>
  Math.max(1, (n.graph.order + n.graph.size + n.occasions.length) * 640);

async function changeStamp(db: Reader, regionId: string): Promise<string> {
  const row = await sql<{ n: string; last: string | null }>`
    SELECT count(*)::text AS n, max(seq)::text AS last FROM network_changes WHERE region_id = ${regionId}
  `.execute(db);
  const r = row.rows[0];
  return `${r?.n ?? 0}.${r?.last ?? 0}`;
}

const keyOf = (regionId: string, stamp: string, q: NetworkQuery) =>
  [
    regionId,
    stamp,
    q.level,
    q.challengeId ?? "",
    q.from?.toISOString() ?? "",
    q.to?.toISOString() ?? "",
    [...(q.kinds ?? [])].sort().join(","),
  ].join("|");

/**
 * The network of a region as asked: the level (people or organisations), optionally one
 * challenge's part of it, a period and the kinds of ties. The caller has checked the role; this
 * reads only `regionId`'s rows.
 */
export async function networkOf(
  db: Db,
  regionId: string,
  query: NetworkQuery,
  now = new Date(),
): Promise<Network> {
  const key = keyOf(regionId, await changeStamp(db, regionId), query);
  let pending = cache.get(key);
  if (!pending) {
    const computing = computeNetwork(db, regionId, query, now);
    pending = computing;
    cache.set(key, computing);
    computing.then(
      (n) => {
        if (cache.get(key) === computing) cache.set(key, computing, { size: sizeOf(n) });
      },
      // A failed computation is not kept: the next request tries again.
      () => cache.delete(key),
    );
  }
  return pending;
}

/** Builds and measures a network afresh, bypassing the cache (networkOf caches its result). */
export async function computeNetwork(
  db: Db,
  regionId: string,
  query: NetworkQuery,
  now = new Date(),
): Promise<Network> {
  const started = performance.now();
  const kinds = query.kinds && query.kinds.length > 0 ? new Set(query.kinds) : new Set(TIE_KINDS);
  const [read_, declared] = await Promise.all([
    occasionsOf(db, regionId, query),
    kinds.has("declared") ? declaredTiesOf(db, regionId, query) : Promise.resolve([]),
  ]);
  const read = performance.now();
  const register = indexRegister(read_.register);
  const occasions = read_.occasions.filter((o) => kinds.has(o.kind));
  // A challenge's network holds the declared ties among its own parties, not everyone's.
  let ties = declared;
  if (query.challengeId) {
    const present = new Set<string>();
    for (const o of occasions) {
      for (const i of o.people) present.add(register.people[i]!.id);
      for (const i of o.organisations) present.add(register.organisations[i]!.id);
    }
    ties = declared.filter((t) => present.has(t.a) && present.has(t.b));
  }
  // Recency counts back from the end of the period asked for, so a past period reads as it was.
  const asOf = query.to && query.to < now ? query.to : now;
  const graph = buildGraph(query.level, occasions, ties, register, asOf);
  const built = performance.now();
  const { nodes: measures, sampled } = measure(graph);
  const done = performance.now();
  return {
    graph,
    measures,
    occasions,
    register,
    sampled,
    computedAt: now,
    buildMs: built - started,
    readMs: read - started,
    metricsMs: done - built,
  };
}
