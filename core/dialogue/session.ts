import type { RegionRow } from "../kernel/guard.ts";
import {
  questionsOf,
  templateSchema,
  type Question,
  type Template,
  type Theme,
} from "./template.ts";

/**
 * A live session as the code works with it, and the state every client follows. The columns are
 * what each read of a session selects; `toSessionRow` also takes the guard's whole row.
 */
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
  namesOnWall: boolean;
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
  /** The presenter shows who gave an open answer only when the facilitator turned it on. */
  namesOnWall: boolean;
  /**
   * Once the session ended and the facilitator shares its results: the shared page's path, so
   * every phone's closing page links to it. Null while it runs or when nothing is shared.
   */
  sharedResults: string | null;
}

export const SESSION_COLUMNS = [
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
  "names_on_wall",
  "created_at",
] as const;

type Raw = Pick<RegionRow<"dialogue_sessions">, (typeof SESSION_COLUMNS)[number]>;

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
    namesOnWall: r.names_on_wall,
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
    namesOnWall: s.namesOnWall,
    sharedResults: s.status === "closed" && s.shareToken ? `/s/${s.shareToken}` : null,
  };
}
