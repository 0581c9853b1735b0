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
  type DeclaredTie,
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

/** Everything a region's network (or one challenge's) is made of, as read in one snapshot. */
interface Reading {
  occasions: Occasion[];
  register: IndexedRegister;
  declared: DeclaredTie[];
  readMs: number;
}

/**
 * Readings by region, change stamp and challenge. A page compares three periods of the same
 * network; they are cut from one reading instead of three reads of the database (the read is
 * half of the work on PostgreSQL and more on PGlite).
 */
const readings = new LRUCache<string, Promise<Reading>>({ max: 8 });

async function read(db: Db, regionId: string, challengeId: string | null): Promise<Reading> {
  const started = performance.now();
  const [found, declared] = await Promise.all([
    occasionsOf(db, regionId, { challengeId }),
    declaredTiesOf(db, regionId),
  ]);
  return {
    occasions: found.occasions,
    register: indexRegister(found.register),
    declared,
    readMs: performance.now() - started,
  };
}

function cached<V>(cache: LRUCache<string, Promise<V>>, key: string, make: () => Promise<V>) {
  let pending = cache.get(key);
  if (!pending) {
    pending = make();
    cache.set(key, pending);
    // A failed read or computation is not kept: the next request tries again.
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

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
  const stamp = await changeStamp(db, regionId);
  const key = keyOf(regionId, stamp, query);
  let pending = cache.get(key);
  if (!pending) {
    const computing = cached(readings, `${regionId}|${stamp}|${query.challengeId ?? ""}`, () =>
      read(db, regionId, query.challengeId ?? null),
    ).then((reading) => fromReading(reading, query, now));
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

/** Reads, builds and measures a network afresh, bypassing the caches (for the benchmark). */
export async function computeNetwork(
  db: Db,
  regionId: string,
  query: NetworkQuery,
  now = new Date(),
): Promise<Network> {
  return fromReading(await read(db, regionId, query.challengeId ?? null), query, now);
}

function fromReading(reading: Reading, query: NetworkQuery, now: Date): Network {
  const started = performance.now();
  const kinds = query.kinds && query.kinds.length > 0 ? new Set(query.kinds) : new Set(TIE_KINDS);
  const { register } = reading;
  const from = query.from?.getTime() ?? -Infinity;
  const to = query.to?.getTime() ?? Infinity;
  const occasions = reading.occasions.filter((o) => {
    const at = o.at.getTime();
    return kinds.has(o.kind) && at >= from && at < to;
  });
  // A declared tie holds from when it was recorded; a challenge's network holds those among its
  // own parties, not everyone's.
  let ties = kinds.has("declared") ? reading.declared.filter((t) => t.at.getTime() < to) : [];
  if (query.challengeId) {
    const present = new Set<string>();
    for (const o of occasions) {
      for (const i of o.people) present.add(register.people[i]!.id);
      for (const i of o.organisations) present.add(register.organisations[i]!.id);
    }
    ties = ties.filter((t) => present.has(t.a) && present.has(t.b));
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
    buildMs: reading.readMs + (built - started),
    readMs: reading.readMs,
    metricsMs: done - built,
  };
}
