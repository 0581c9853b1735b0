import { sql } from "kysely";
import type { Tx } from "../kernel/tx.ts";

/**
 * Dialogue answers are kept for the region's retention period (regions.retention_months),
 * counted from the end of the session, or from its start when it was never ended. After that the
 * participants lose what could identify them — name, organisation, where they joined from (the
 * client fingerprint), and the device token that links a phone to its answers (replaced by a
 * random value that no token hashes to) — while
 * their answers and sector stay, so every figure and the breakdown per sector remain right.
 * Each session is anonymised once, and `anonymised_at` records when.
 */
export async function anonymiseExpiredDialogue(
  trx: Tx,
  now: Date = new Date(),
): Promise<{ sessions: number; participants: number }> {
  const due = await trx
    .selectFrom("dialogue_sessions as s")
    .innerJoin("regions as r", "r.id", "s.region_id")
    .select("s.id")
    .where("s.anonymised_at", "is", null)
    .where(
      sql<Date>`coalesce(s.closed_at, s.created_at) + make_interval(months => r.retention_months)`,
      "<=",
      now,
    )
    .execute();
  if (due.length === 0) return { sessions: 0, participants: 0 };
  const ids = due.map((d) => d.id);
  const participants = await trx
    .updateTable("dialogue_participants")
    .set({
      display_name: null,
      organisation: null,
      client_fingerprint: null,
      device_token_hash: sql<string>`'anonymised-' || gen_random_uuid()::text`,
    })
    .where("session_id", "in", ids)
    .executeTakeFirst();
  await trx
    .updateTable("dialogue_sessions")
    .set({ anonymised_at: now })
    .where("id", "in", ids)
    .execute();
  return { sessions: ids.length, participants: Number(participants.numUpdatedRows) };
}
