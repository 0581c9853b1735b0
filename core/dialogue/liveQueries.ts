import type { Db } from "../../db/client.ts";
import type { Reader } from "../kernel/tx.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { SESSION_COLUMNS, toSessionRow, type SessionRow } from "./session.ts";

/**
 * What the live hub reads. The hub holds only sessions it let someone into (a participant by join
 * code and device token, a watcher through `findWatchedSession`), so it reads them by id; no page
 * reaches these with an id from a request.
 */

export async function findSessionById(db: Db, id: string): Promise<SessionRow | null> {
  if (!isId(id)) return null;
  const row = await db
    .selectFrom("dialogue_sessions")
    .select(SESSION_COLUMNS)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toSessionRow(row) : null;
}

/**
 * A session together with the scope of a user who is a member of its region, in one query: how
 * a signed-in socket asks to watch or steer a session. Null for a session of a region the user is
 * not a member of, exactly as for one that does not exist; the caller checks the role against
 * `dialoguePolicy`.
 */
export async function findWatchedSession(
  db: Db,
  userId: string,
  sessionId: string,
): Promise<{ scope: RegionScope; session: SessionRow } | null> {
  if (!isId(sessionId)) return null;
  const row = await db
    .selectFrom("dialogue_sessions as s")
    .innerJoin("memberships as m", (j) =>
      j.onRef("m.region_id", "=", "s.region_id").on("m.user_id", "=", userId),
    )
    .select(SESSION_COLUMNS.map((c) => `s.${c}` as const))
    .select("m.role")
    .where("s.id", "=", sessionId)
    .executeTakeFirst();
  if (!row) return null;
  const session = toSessionRow(row);
  return { scope: { db, regionId: session.regionId, userId, role: row.role }, session };
}

/** Answers of one question with each participant's sector, for aggregates and results. */
export async function answersOf(db: Reader, sessionId: string, questionId: string) {
  return db
    .selectFrom("dialogue_answers as a")
    .innerJoin("dialogue_participants as p", "p.id", "a.participant_id")
    .select([
      "a.participant_id",
      "a.value",
      "a.hidden",
      "a.theme_label",
      "a.updated_at",
      "p.sector",
      "p.display_name",
      "p.group_no",
    ])
    .where("a.session_id", "=", sessionId)
    .where("a.question_id", "=", questionId)
    .orderBy("a.created_at")
    .execute();
}

/** Each participant's group and scribe role, re-read after the facilitator split the room. */
export async function participantGroups(db: Db, sessionId: string) {
  return db
    .selectFrom("dialogue_participants")
    .select(["id", "group_no", "is_scribe"])
    .where("session_id", "=", sessionId)
    .execute();
}
