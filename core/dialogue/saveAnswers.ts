import { sql } from "kysely";
import type { Db } from "../../db/client.ts";

export interface Submission {
  sessionId: string;
  questionId: string;
  participantId: string;
  /** Already checked against the question's schema. */
  value: unknown;
  key: string;
}

export type Saved =
  { key: string; ok: true } | { key: string; ok: false; error: "dialogue.questionClosed" };

/**
 * Commits a batch of answers in one statement, and reports for each whether it was stored.
 * The statement itself checks that each answer's question is the session's current question and
 * open for answers, so an answer racing the facilitator's "close" is refused, never half-counted.
 * One row per participant and question (upsert): a retried submission replaces, never adds.
 */
export async function saveAnswers(db: Db, batch: Submission[]): Promise<Saved[]> {
  if (batch.length === 0) return [];
  // A statement may touch a row once: keep each participant's last answer per question, and
  // acknowledge the earlier ones as superseded by it.
  const last = new Map<string, Submission>();
  for (const s of batch) last.set(`${s.sessionId}|${s.questionId}|${s.participantId}`, s);
  const unique = [...last.values()];
  const values = sql.join(
    unique.map(
      (s) =>
        sql`(${s.sessionId}::uuid, ${s.questionId}, ${s.participantId}::uuid, ${JSON.stringify(s.value)}::jsonb, ${s.key})`,
    ),
  );
  const stored = await sql<{
    idempotency_key: string;
    participant_id: string;
    question_id: string;
  }>`
    INSERT INTO dialogue_answers (session_id, question_id, participant_id, value, idempotency_key)
    SELECT v.session_id, v.question_id, v.participant_id, v.value, v.key
    FROM (VALUES ${values}) AS v(session_id, question_id, participant_id, value, key)
    JOIN dialogue_sessions s ON s.id = v.session_id
      AND s.status = 'open' AND s.answering_open AND s.current_question_id = v.question_id
      AND (s.timer_ends_at IS NULL OR s.timer_ends_at > now())
    JOIN dialogue_participants p ON p.id = v.participant_id AND p.session_id = v.session_id
    ON CONFLICT (session_id, question_id, participant_id)
    DO UPDATE SET value = EXCLUDED.value, idempotency_key = EXCLUDED.idempotency_key, updated_at = now()
    RETURNING idempotency_key, participant_id, question_id`.execute(db);
  const ok = new Set(stored.rows.map((r) => `${r.participant_id}|${r.question_id}`));
  return batch.map((s) =>
    ok.has(`${s.participantId}|${s.questionId}`)
      ? { key: s.key, ok: true as const }
      : { key: s.key, ok: false as const, error: "dialogue.questionClosed" as const },
  );
}
