import { forbidden, notFound, ok, type Result } from "../kernel/result.ts";
import { may, type RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { answersOf } from "./liveQueries.ts";
import { openQuestionOf, type OpenQuestion } from "./moderation.ts";
import { dialoguePolicy } from "./policy.ts";
import { buildResults, type AnswerRecord, type SessionResults } from "./sessionResults.ts";
import { SESSION_COLUMNS, toSessionRow, type SessionRow } from "./session.ts";

/**
 * What the facilitator's pages read, each within the scope's region: another region's session and
 * an id that is no id are both "not there". Changes go through the intents (one file each).
 */

/** A session of the scope's region; null for another region's or a malformed id. */
export async function findSession(scope: RegionScope, id: unknown): Promise<SessionRow | null> {
  if (!isId(id)) return null;
  const row = await scope.db
    .selectFrom("dialogue_sessions")
    .select(SESSION_COLUMNS)
    .where("region_id", "=", scope.regionId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toSessionRow(row) : null;
}

export async function listSessions(scope: RegionScope) {
  return scope.db
    .selectFrom("dialogue_sessions as s")
    .leftJoin("dialogue_participants as p", "p.session_id", "s.id")
    .select((eb) => [
      "s.id",
      "s.title",
      "s.join_code",
      "s.status",
      "s.created_at",
      "s.language",
      eb.fn.count<number>("p.id").as("participants"),
    ])
    .where("s.region_id", "=", scope.regionId)
    .groupBy("s.id")
    .orderBy("s.created_at", "desc")
    .execute();
}

/**
 * Answers of one question of a session the scope found (`findSession`), with each participant's
 * sector, name and group, for the console and the presenter.
 */
export async function sessionAnswers(scope: RegionScope, session: SessionRow, questionId: string) {
  if (session.regionId !== scope.regionId) return [];
  return answersOf(scope.db, session.id, questionId);
}

/** The session's participants for the facilitator's list: who is here, in which group. */
export async function listParticipants(scope: RegionScope, sessionId: string) {
  return scope.db
    .selectFrom("dialogue_participants as p")
    .innerJoin("dialogue_sessions as s", "s.id", "p.session_id")
    .select([
      "p.id",
      "p.display_name",
      "p.organisation",
      "p.sector",
      "p.group_no",
      "p.is_scribe",
      "p.created_at",
    ])
    .where("s.region_id", "=", scope.regionId)
    .where("p.session_id", "=", sessionId)
    .orderBy("p.group_no")
    .orderBy("p.created_at")
    .execute();
}

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

/**
 * An open question of a session of the scope's region, for whoever may moderate it. Another
 * region's session, an unknown question and a question of another kind are all "not found".
 */
export async function findOpenQuestion(
  scope: RegionScope,
  sessionId: unknown,
  questionId: unknown,
): Promise<Result<OpenQuestion>> {
  if (!may(scope, dialoguePolicy.moderateAnswers)) return forbidden();
  const session = await findSession(scope, sessionId);
  const found = session && openQuestionOf(session, questionId);
  return found ? ok(found) : notFound();
}

/** The answers of one open question, with their moderation and theme. */
export async function listOpenAnswers(scope: RegionScope, sessionId: unknown, questionId: unknown) {
  const found = await findOpenQuestion(scope, sessionId, questionId);
  if (!found.ok) return found;
  const rows = await answersOf(scope.db, found.value.session.id, found.value.question.id);
  return ok({
    ...found.value,
    answers: rows.map((r) => ({
      participantId: r.participant_id,
      text: String(r.value),
      hidden: r.hidden,
      theme: r.theme_label,
      name: r.display_name,
      groupNo: r.group_no,
    })),
  });
}

/** The results of a session of the scope's region; null for another region's or an unknown id. */
export async function sessionResults(
  scope: RegionScope,
  sessionId: unknown,
): Promise<SessionResults | null> {
  const session = await findSession(scope, sessionId);
  if (!session) return null;
  return (await buildResults(scope.db, session, { names: false })).results;
}

/** The results and every answer (names included), for the region's own exports. */
export async function sessionResultsWithAnswers(
  scope: RegionScope,
  sessionId: unknown,
): Promise<{ results: SessionResults; answers: AnswerRecord[] } | null> {
  const session = await findSession(scope, sessionId);
  if (!session) return null;
  return buildResults(scope.db, session, { names: true });
}
