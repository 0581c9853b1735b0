import type { Db } from "../../db/client.ts";
import { hashToken } from "../accounts/tokens.ts";
import { buildResults, forPublic, type SessionResults } from "./sessionResults.ts";
import { SESSION_COLUMNS, toSessionRow, type SessionRow } from "./session.ts";

/**
 * Reads for people without an account, who hold no RegionScope: participants (by join code and
 * their device token) and anyone with a shared results link. Each is keyed by a secret the person
 * was given, never by an id they could guess.
 */

/** One participant of a session, as their device knows it. */
export interface Participant {
  id: string;
  sessionId: string;
  displayName: string | null;
  sector: string | null;
  groupNo: number | null;
  isScribe: boolean;
}

/** For participants, who know only the join code. Closed sessions are not found. */
export async function findOpenSessionByCode(db: Db, code: string): Promise<SessionRow | null> {
  const row = await db
    .selectFrom("dialogue_sessions")
    .select(SESSION_COLUMNS)
    .where("join_code", "=", code)
    .where("status", "=", "open")
    .executeTakeFirst();
  return row ? toSessionRow(row) : null;
}

/**
 * A session by its code whatever its status (codes are unique for good): a phone that reloads
 * after the end gets the session's closing page, not "unknown code". Only the phone's own page
 * and socket use it; joining and answering stay limited to open sessions.
 */
export async function findSessionByCode(db: Db, code: string): Promise<SessionRow | null> {
  const row = await db
    .selectFrom("dialogue_sessions")
    .select(SESSION_COLUMNS)
    .where("join_code", "=", code)
    .executeTakeFirst();
  return row ? toSessionRow(row) : null;
}

/** The participant a device token belongs to in one session; null for any other token. */
export async function findParticipant(
  db: Db,
  sessionId: string,
  deviceToken: string,
): Promise<Participant | null> {
  const row = await db
    .selectFrom("dialogue_participants")
    .select(["id", "display_name", "sector", "group_no", "is_scribe"])
    .where("session_id", "=", sessionId)
    .where("device_token_hash", "=", hashToken(deviceToken))
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        sessionId,
        displayName: row.display_name,
        sector: row.sector,
        groupNo: row.group_no,
        isScribe: row.is_scribe,
      }
    : null;
}

/** A participant's own answer to one question, for the page without JavaScript. */
export async function participantAnswer(
  db: Db,
  participant: Participant,
  questionId: string,
): Promise<unknown> {
  const row = await db
    .selectFrom("dialogue_answers")
    .select("value")
    .where("session_id", "=", participant.sessionId)
    .where("question_id", "=", questionId)
    .where("participant_id", "=", participant.id)
    .executeTakeFirst();
  return row?.value;
}

/**
 * The results behind a shared link, for anyone: only while sharing is on (the token is removed
 * when it is turned off), without names and without the token itself.
 */
export async function sharedSessionResults(
  db: Db,
  shareToken: string,
): Promise<SessionResults | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(shareToken)) return null;
  const row = await db
    .selectFrom("dialogue_sessions")
    .select(SESSION_COLUMNS)
    .where("share_token", "=", shareToken)
    .executeTakeFirst();
  if (!row) return null;
  const { results } = await buildResults(db, toSessionRow(row), { names: false });
  return forPublic({ ...results, session: { ...results.session, shareToken: null } });
}
