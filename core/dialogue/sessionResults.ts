import type { Reader } from "../kernel/tx.ts";
import {
  aggregateWithSectors,
  forRoom,
  groupsToShow,
  type AnswerRow,
  type Results,
  type Withheld,
} from "./aggregate.ts";
import type { OpenAnswer } from "./protocol.ts";
import type { SessionRow } from "./session.ts";
import { questionsOf, type LocalText, type Question } from "./template.ts";

/** One question of a session with its figures, as the results page and the exports show it. */
export interface QuestionResults {
  /** Place in the session's running order, from 0. */
  index: number;
  theme: { id: string; title: LocalText };
  question: Question;
  results: Results;
  /** Open questions only: the visible answers, with the theme the facilitator gave them. */
  open?: OpenAnswer[];
}

export interface SessionResults {
  session: {
    id: string;
    title: string;
    language: "nl" | "en";
    status: "open" | "closed";
    createdAt: string;
    closedAt: string | null;
    anonymisedAt: string | null;
    shareToken: string | null;
  };
  region: { name: string; slug: string };
  participants: number;
  /** Participants per sector, the most frequent first; `null` for those who gave none. */
  sectorMix: { sector: string | null; count: number }[];
  /** Set only behind the shared link: rows of `sectorMix` left out (see `groupsToShow`). */
  sectorMixWithheld?: Withheld;
  questions: QuestionResults[];
}

/** One answer as the exports list it: who (if they said), from which sector, and what. */
export interface AnswerRecord {
  questionId: string;
  participantId: string;
  displayName: string | null;
  sector: string | null;
  value: unknown;
  hidden: boolean;
  themeLabel: string | null;
  /** The participant's group when the room was split (null before or without groups). */
  groupNo: number | null;
  /**
   * Set when the answer was given for a group (a group question, by its scribe): the group's
   * number and the sectors of its members. The answer is the group's, not the scribe's.
   */
  group?: { no: number; sectors: string[] };
}

async function sessionMeta(db: Reader, sessionId: string) {
  return db
    .selectFrom("dialogue_sessions as s")
    .innerJoin("regions as r", "r.id", "s.region_id")
    .select(["s.closed_at", "s.anonymised_at", "r.name", "r.slug"])
    .where("s.id", "=", sessionId)
    .executeTakeFirstOrThrow();
}

/** Every answer of a session in one query, with each participant's sector and name. */
async function allAnswers(db: Reader, sessionId: string): Promise<AnswerRecord[]> {
  const rows = await db
    .selectFrom("dialogue_answers as a")
    .innerJoin("dialogue_participants as p", "p.id", "a.participant_id")
    .select([
      "a.question_id",
      "a.participant_id",
      "a.value",
      "a.hidden",
      "a.theme_label",
      "p.sector",
      "p.display_name",
      "p.group_no",
    ])
    .where("a.session_id", "=", sessionId)
    .orderBy("a.created_at")
    .orderBy("p.created_at")
    .orderBy("a.participant_id")
    .execute();
  return rows.map((r) => ({
    questionId: r.question_id,
    participantId: r.participant_id,
    displayName: r.display_name,
    sector: r.sector,
    value: r.value,
    hidden: r.hidden,
    themeLabel: r.theme_label,
    groupNo: r.group_no,
  }));
}

/** The sectors in each group of the session (each sector once, in the catalog's order of first seen). */
async function groupSectors(db: Reader, sessionId: string): Promise<Map<number, string[]>> {
  const rows = await db
    .selectFrom("dialogue_participants")
    .select(["group_no", "sector"])
    .where("session_id", "=", sessionId)
    .where("group_no", "is not", null)
    .orderBy("group_no")
    .orderBy("sector")
    .execute();
  const groups = new Map<number, string[]>();
  for (const r of rows) {
    const list = groups.get(r.group_no!) ?? [];
    if (r.sector && !list.includes(r.sector)) list.push(r.sector);
    groups.set(r.group_no!, list);
  }
  return groups;
}

async function sectorMixOf(db: Reader, sessionId: string) {
  const rows = await db
    .selectFrom("dialogue_participants")
    .select((eb) => ["sector", eb.fn.countAll<number | string>().as("n")])
    .where("session_id", "=", sessionId)
    .groupBy("sector")
    .execute();
  return rows
    .map((r) => ({ sector: r.sector, count: Number(r.n) }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        (a.sector === null ? 1 : b.sector === null ? -1 : a.sector.localeCompare(b.sector)),
    );
}

/**
 * The figures of every question of a session, built from its answers (hidden answers count in
 * no figure and are not listed). `names` adds the participant's name to open answers, for the
 * region's own exports; pages and the shared link never get names.
 */
export async function buildResults(
  db: Reader,
  session: SessionRow,
  opts: { names: boolean },
): Promise<{ results: SessionResults; answers: AnswerRecord[] }> {
  const [meta, answers, sectorMix, groups] = await Promise.all([
    sessionMeta(db, session.id),
    allAnswers(db, session.id),
    sectorMixOf(db, session.id),
    groupSectors(db, session.id),
  ]);
  const groupQuestions = new Set(
    questionsOf(session.template)
      .filter(({ question }) => question.audience === "group")
      .map(({ question }) => question.id),
  );
  for (const a of answers)
    if (a.groupNo !== null && groupQuestions.has(a.questionId))
      a.group = { no: a.groupNo, sectors: groups.get(a.groupNo) ?? [] };
  const byQuestion = new Map<string, AnswerRecord[]>();
  for (const a of answers)
    byQuestion.set(a.questionId, [...(byQuestion.get(a.questionId) ?? []), a]);
  const questions = questionsOf(session.template).map(({ theme, question }, index) => {
    const rows = byQuestion.get(question.id) ?? [];
    const answerRows: AnswerRow[] = rows.map((r) => ({
      value: r.value,
      sector: r.sector,
      hidden: r.hidden,
      groupNo: r.groupNo,
    }));
    const q: QuestionResults = {
      index,
      theme: { id: theme.id, title: theme.title },
      question,
      results: aggregateWithSectors(question, answerRows, session.language),
    };
    if (question.kind === "open")
      q.open = rows
        .filter((r) => !r.hidden)
        .map((r) => ({
          text: String(r.value),
          theme: r.themeLabel,
          ...(opts.names ? { name: r.displayName } : {}),
        }));
    return q;
  });
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return {
    results: {
      session: {
        id: session.id,
        title: session.title,
        language: session.language,
        status: session.status,
        createdAt: session.createdAt.toISOString(),
        closedAt: iso(meta.closed_at),
        anonymisedAt: iso(meta.anonymised_at),
        shareToken: session.shareToken,
      },
      region: { name: meta.name, slug: meta.slug },
      participants: sectorMix.reduce((n, s) => n + s.count, 0),
      sectorMix,
      questions,
    },
    answers,
  };
}

/**
 * A session's results as anyone may see them: per question only the sectors `forRoom` allows, and
 * in the sector mix no group (those without a sector included) of fewer than `MIN_GROUP_SIZE`
 * people, by the same rule.
 */
export function forPublic(results: SessionResults): SessionResults {
  const key = (sector: string | null) => sector ?? "";
  const { shown, withheld } = groupsToShow(
    Object.fromEntries(results.sectorMix.map((s) => [key(s.sector), s.count])),
    results.participants,
  );
  return {
    ...results,
    sectorMix: results.sectorMix.filter((s) => shown.includes(key(s.sector))),
    sectorMixWithheld: withheld,
    questions: results.questions.map((q) => ({ ...q, results: forRoom(q.results) })),
  };
}
