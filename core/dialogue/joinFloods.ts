import { z } from "zod";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";

/** Joins from one source within this window count as one burst… */
export const BURST_WINDOW_MS = 60_000;
/** …and the console names a burst from this many joins on. */
export const BURST_MIN_JOINS = 10;

/** Many participants who joined from one device or network in a short time. */
export interface JoinBurst {
  /** The sources' fingerprint (a keyed hash, not an address): what the removal form sends. */
  source: string;
  count: number;
  /** The first and the last join of the burst, ISO with milliseconds. */
  from: string;
  to: string;
}

/**
 * The session's join bursts, largest first: per source, its joins in windows of a minute from
 * the first join of each window, and every window with at least BURST_MIN_JOINS. A room on one
 * school's Wi-Fi shows as one too; the facilitator, who knows the room, tells the two apart.
 */
export async function joinBursts(scope: RegionScope, sessionId: string): Promise<JoinBurst[]> {
  const rows = await scope.db
    .selectFrom("dialogue_participants as p")
    .innerJoin("dialogue_sessions as s", "s.id", "p.session_id")
    .select(["p.client_fingerprint", "p.created_at"])
    .where("s.region_id", "=", scope.regionId)
    .where("p.session_id", "=", sessionId)
    .where("p.client_fingerprint", "is not", null)
    .orderBy("p.client_fingerprint")
    .orderBy("p.created_at")
    .execute();
  const bursts: JoinBurst[] = [];
  let i = 0;
  while (i < rows.length) {
    const source = rows[i]!.client_fingerprint!;
    const start = new Date(rows[i]!.created_at).getTime();
    let j = i;
    while (
      j + 1 < rows.length &&
      rows[j + 1]!.client_fingerprint === source &&
      new Date(rows[j + 1]!.created_at).getTime() - start < BURST_WINDOW_MS
    )
      j++;
    const count = j - i + 1;
    if (count >= BURST_MIN_JOINS)
      bursts.push({
        source,
        count,
        from: new Date(start).toISOString(),
        to: new Date(rows[j]!.created_at).toISOString(),
      });
    i = j + 1;
  }
  return bursts.sort((a, b) => b.count - a.count || a.from.localeCompare(b.from));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const removalSchema = z.union([
  z.object({ participantId: z.string().regex(UUID) }),
  z.object({
    source: z.string().regex(/^[0-9a-f]{16}$/),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
  }),
]);

/**
 * Removes one participant (`participantId`) or a burst as the console showed it (`source`,
 * `from`, `to`): the participants and, with them, all their answers, so they count in no figure
 * and no export. Only the burst's joins are taken, not later ones from the same source.
 * Returns the removed ids, for the live hub to let their devices go and push fresh results.
 */
export async function removeParticipants(
  scope: RegionScope,
  sessionId: string,
  input: unknown,
): Promise<Result<{ removed: string[] }>> {
  const parsed = removalSchema.safeParse(input);
  if (!parsed.success) return fail("errors.badRequest");
  const v = parsed.data;
  let query = scope.db
    .deleteFrom("dialogue_participants")
    .where("session_id", "=", sessionId)
    .where("session_id", "in", (eb) =>
      eb.selectFrom("dialogue_sessions").select("id").where("region_id", "=", scope.regionId),
    );
  query =
    "participantId" in v
      ? query.where("id", "=", v.participantId)
      : query
          .where("client_fingerprint", "=", v.source)
          .where("created_at", ">=", new Date(v.from))
          // Dates here have milliseconds, the database microseconds: up to the next millisecond.
          .where("created_at", "<", new Date(new Date(v.to).getTime() + 1));
  const rows = await query.returning("id").execute();
  return ok({ removed: rows.map((r) => r.id) });
}
