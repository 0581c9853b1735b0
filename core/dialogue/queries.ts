import type { Db } from "../../db/client.ts";
import type { RegionScope } from "../kernel/scope.ts";
import {
  questionsOf,
  templateSchema,
  type Question,
  type Template,
  type Theme,
} from "./template.ts";

export interface SessionRow {
  id: string;
  regionId: string;
  title: string;
  language: "nl" | "en";
  template: Template;
  joinCode: string;
  status: "open" | "closed";
  currentIndex: number;
  answeringOpen: boolean;
  resultsVisible: boolean;
  timerEndsAt: Date | null;
  version: number;
  shareToken: string | null;
  createdAt: Date;
}

/** What every client of a session follows: the current question and what may be done with it. */
export interface SessionState {
  id: string;
  title: string;
  language: "nl" | "en";
  status: "open" | "closed";
  index: number;
  total: number;
  theme: Pick<Theme, "id" | "title">;
  question: Question;
  answeringOpen: boolean;
  resultsVisible: boolean;
  timerEndsAt: string | null;
  version: number;
}

const columns = [
  "id",
  "region_id",
  "title",
  "language",
  "content",
  "join_code",
  "status",
  "current_index",
  "answering_open",
  "results_visible",
  "timer_ends_at",
  "version",
  "share_token",
  "created_at",
] as const;

type Raw = {
  id: string;
  region_id: string;
  title: string;
  language: "nl" | "en";
  content: unknown;
  join_code: string;
  status: "open" | "closed";
  current_index: number;
  answering_open: boolean;
  results_visible: boolean;
  timer_ends_at: Date | string | null;
  version: number;
  share_token: string | null;
  created_at: Date;
};

export function toSessionRow(r: Raw): SessionRow {
  return {
    id: r.id,
    regionId: r.region_id,
    title: r.title,
    language: r.language,
    template: templateSchema.parse(r.content),
    joinCode: r.join_code,
    status: r.status,
    currentIndex: r.current_index,
    answeringOpen: r.answering_open,
    resultsVisible: r.results_visible,
    timerEndsAt: r.timer_ends_at ? new Date(r.timer_ends_at) : null,
    version: r.version,
    shareToken: r.share_token,
    createdAt: new Date(r.created_at),
  };
}

/**
 * What clients follow. Answering counts as closed once a running timer has passed, even before
 * anyone clicks "close": the answer statement checks the same moment in SQL.
 */
export function stateOf(s: SessionRow, now: number = Date.now()): SessionState {
  const all = questionsOf(s.template);
  const index = Math.min(Math.max(0, s.currentIndex), all.length - 1);
  const { theme, question } = all[index]!;
  return {
    id: s.id,
    title: s.title,
    language: s.language,
    status: s.status,
    index,
    total: all.length,
    theme: { id: theme.id, title: theme.title },
    question,
    answeringOpen:
      s.status === "open" &&
      s.answeringOpen &&
      (s.timerEndsAt === null || s.timerEndsAt.getTime() > now),
    resultsVisible: s.resultsVisible,
    timerEndsAt: s.timerEndsAt ? s.timerEndsAt.toISOString() : null,
    version: s.version,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A session of the scope's region; null for another region's or a malformed id. */
export async function findSession(scope: RegionScope, id: string): Promise<SessionRow | null> {
  if (!UUID.test(id)) return null;
  const row = await scope.db
    .selectFrom("dialogue_sessions")
    .select(columns)
    .where("region_id", "=", scope.regionId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toSessionRow(row) : null;
}

/** For participants, who know only the join code. Closed sessions are not found. */
export async function findOpenSessionByCode(db: Db, code: string): Promise<SessionRow | null> {
  const row = await db
    .selectFrom("dialogue_sessions")
    .select(columns)
    .where("join_code", "=", code)
    .where("status", "=", "open")
    .executeTakeFirst();
  return row ? toSessionRow(row) : null;
}

export async function findSessionById(db: Db, id: string): Promise<SessionRow | null> {
  if (!UUID.test(id)) return null;
  const row = await db
    .selectFrom("dialogue_sessions")
    .select(columns)
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

/** Answers of one question with each participant's sector, for aggregates and results. */
export async function answersOf(db: Db, sessionId: string, questionId: string) {
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
