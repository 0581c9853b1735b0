import { z } from "zod";
import { withRow } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { id } from "../kernel/validate.ts";
import { dialoguePolicy } from "./policy.ts";

export const removalSchema = z.union([
  z.object({ participantId: id() }),
  z.object({
    source: z.string().regex(/^[0-9a-f]{16}$/),
    from: z.iso.datetime(),
    to: z.iso.datetime(),
  }),
]);

/**
 * Removes one participant (`participantId`) or a burst as the console showed it (`source`,
 * `from`, `to`, see `joinBursts`): the participants and, with them, all their answers, so they
 * count in no figure and no export. Only the burst's joins are taken, not later ones from the
 * same source. Returns the removed ids, for the live hub to let their devices go and push fresh
 * results.
 */
export function removeParticipants(
  scope: RegionScope,
  sessionId: unknown,
  input: unknown,
): Promise<Result<{ removed: string[] }>> {
  // One statement, and no lock on the session: the answers the room commits meanwhile take a
  // share lock on it, and on the participants this deletes, in their own order.
  return withRow(
    scope,
    { role: dialoguePolicy.removeParticipants, table: "dialogue_sessions", id: sessionId },
    async (tx, session) => {
      const parsed = removalSchema.safeParse(input);
      if (!parsed.success) return fail("errors.badRequest");
      const v = parsed.data;
      const query = tx.deleteFrom("dialogue_participants").where("session_id", "=", session.id);
      const rows = await (
        "participantId" in v
          ? query.where("id", "=", v.participantId)
          : query
              .where("client_fingerprint", "=", v.source)
              .where("created_at", ">=", new Date(v.from))
              // Dates here have milliseconds, the database microseconds: up to the next millisecond.
              .where("created_at", "<", new Date(new Date(v.to).getTime() + 1))
      )
        .returning("id")
        .execute();
      return ok({ removed: rows.map((r) => r.id) });
    },
  );
}
