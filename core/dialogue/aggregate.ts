import { stemmer as snowball } from "../textGrouping/stemming.ts";
import { PHASE_POINTS, PHASES, type Phase, type Question } from "./template.ts";
import { stopwordsFor } from "../textGrouping/stopwords.ts";

export interface AnswerRow {
  value: unknown;
  sector: string | null;
  hidden: boolean;
  /** The answering participant's group, when the facilitator split the room. */
  groupNo?: number | null;
}

/**
 * The row of "results per sector" that answers given for a group count in: a group is mixed on
 * purpose, so its answer is not its scribe's sector's.
 */
export const GROUP_SECTOR = "group";

/** Whose answer a row is in the figures per sector: the group's for a group question, else the person's sector. */
export function creditedSector(question: Question, row: AnswerRow): string | null {
  return question.audience === "group" && row.groupNo != null ? GROUP_SECTOR : row.sector;
}

type Counts = Record<string, number>;

export type Aggregate =
  | { kind: "open"; count: number }
  | { kind: "single" | "multiple"; count: number; counts: Counts }
  | { kind: "scale"; count: number; counts: Counts; mean: number | null }
  | {
      kind: "ladder";
      count: number;
      now: Counts;
      desired: Counts;
      meanNow: number | null;
      meanDesired: number | null;
      spreadNow: number | null;
      spreadDesired: number | null;
    }
  | { kind: "phases"; count: number; mean: Record<Phase, number>; underexposed: Phase | null }
  | { kind: "ranking"; count: number; meanRank: Counts; order: string[] }
  | { kind: "wordcloud"; count: number; words: { word: string; count: number }[] };

export interface Results {
  questionId: string;
  all: Aggregate;
  /** The same figures per sector of the participants who gave a sector. */
  bySector: Record<string, Aggregate>;
  /** Set only in the room's and the public's copy (`forRoom`): sectors left out of `bySector`. */
  withheld?: Withheld;
}

/**
 * The smallest group whose figures anyone but the facilitator may see apart: a sector with one or
 * two respondents would show what those one or two people answered. The facilitator's console,
 * results page and exports keep every sector; the presenter's wall, the participants' phones and
 * the shared link get `forRoom`.
 */
export const MIN_GROUP_SIZE = 3;

/** How many groups were not shown apart: `small` ones below the minimum, `extra` ones to guard them. */
export interface Withheld {
  small: number;
  extra: number;
}

/**
 * Which groups of a whole may be shown apart. The rule for every audience-facing figure:
 *
 * - a group below `MIN_GROUP_SIZE` is not shown apart (a group of 0 shows nothing worth showing
 *   and would still tell that someone of it answered and was hidden);
 * - what is not shown apart, the whole minus the groups shown, is either nobody or at least
 *   `MIN_GROUP_SIZE` people. Otherwise anyone could subtract the shown sectors from the total and
 *   read the one or two left over (small sectors and people without a sector alike), so the
 *   smallest shown group is withheld too, and that is always enough.
 *
 * Left out with a note rather than merged into an "other sectors" row: the table compares
 * sectors, and a row of unrelated small sectors (often padded with a larger one to reach three)
 * reads as a sector and means nothing; the note says plainly why a sector is missing.
 */
export function groupsToShow(
  sizes: Record<string, number>,
  total: number,
): { shown: string[]; withheld: Withheld } {
  const entries = Object.entries(sizes);
  const shown = entries
    .filter(([, n]) => n >= MIN_GROUP_SIZE)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  const withheld = { small: entries.length - shown.length, extra: 0 };
  const rest = () => total - shown.reduce((sum, [, n]) => sum + n, 0);
  while (shown.length > 0 && rest() > 0 && rest() < MIN_GROUP_SIZE) {
    shown.shift();
    withheld.extra++;
  }
  return { shown: shown.map(([key]) => key).sort(), withheld };
}

/**
 * A question's results as the room and the public may see them: only the sectors `groupsToShow`
 * allows, and how many were left out. The whole keeps every figure.
 */
export function forRoom(results: Results): Results {
  const { questionId, all, bySector } = results;
  const sizes = Object.fromEntries(Object.entries(bySector).map(([s, a]) => [s, a.count]));
  const { shown, withheld } = groupsToShow(sizes, all.count);
  return {
    questionId,
    all,
    bySector: Object.fromEntries(shown.map((s) => [s, bySector[s]!])),
    // Added to what an earlier pass left out, so applying it twice changes nothing.
    withheld: {
      small: withheld.small + (results.withheld?.small ?? 0),
      extra: withheld.extra + (results.withheld?.extra ?? 0),
    },
  };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const round = (x: number | null, digits = 2) =>
  x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits;

/** Standard deviation: how far apart the group places itself, which matters as much as the mean. */
function spread(xs: number[]): number | null {
  const m = mean(xs);
  if (m === null) return null;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
}

function countValues(values: (string | number)[], keys: (string | number)[]): Counts {
  const counts: Counts = Object.fromEntries(keys.map((k) => [String(k), 0]));
  for (const v of values) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
  return counts;
}

/** Aggregates one question's answers; hidden answers are left out of every figure. */
export function aggregateAnswers(
  question: Question,
  rows: AnswerRow[],
  language: "nl" | "en" = "nl",
): Aggregate {
  const values = rows.filter((r) => !r.hidden).map((r) => r.value);
  const count = values.length;
  switch (question.kind) {
    case "open":
      return { kind: "open", count };
    case "single":
      return {
        kind: "single",
        count,
        counts: countValues(
          values as string[],
          question.options.map((o) => o.id),
        ),
      };
    case "multiple":
      return {
        kind: "multiple",
        count,
        counts: countValues(
          (values as string[][]).flat(),
          question.options.map((o) => o.id),
        ),
      };
    case "scale": {
      const nums = values as number[];
      const keys = Array.from(
        { length: question.max - question.min + 1 },
        (_, i) => question.min + i,
      );
      return { kind: "scale", count, counts: countValues(nums, keys), mean: round(mean(nums)) };
    }
    case "ladder": {
      const v = values as { now: number; desired: number }[];
      const now = v.map((x) => x.now);
      const desired = v.map((x) => x.desired);
      return {
        kind: "ladder",
        count,
        now: countValues(now, [1, 2, 3, 4, 5]),
        desired: countValues(desired, [1, 2, 3, 4, 5]),
        meanNow: round(mean(now)),
        meanDesired: round(mean(desired)),
        spreadNow: round(spread(now)),
        spreadDesired: round(spread(desired)),
      };
    }
    case "phases": {
      const v = values as Record<Phase, number>[];
      const m = Object.fromEntries(
        PHASES.map((p) => [p, round(mean(v.map((x) => x[p]))) ?? 0]),
      ) as Record<Phase, number>;
      const underexposed =
        count === 0 ? null : PHASES.reduce((low, p) => (m[p] < m[low] ? p : low), PHASES[0]);
      return { kind: "phases", count, mean: m, underexposed };
    }
    case "ranking": {
      const v = values as string[][];
      const meanRank: Counts = {};
      for (const o of question.options)
        meanRank[o.id] = round(mean(v.map((order) => order.indexOf(o.id) + 1))) ?? 0;
      const order = question.options.map((o) => o.id).sort((a, b) => meanRank[a]! - meanRank[b]!);
      return { kind: "ranking", count, meanRank, order };
    }
    case "wordcloud":
      return {
        kind: "wordcloud",
        count,
        words: wordFrequencies((values as string[][]).flat(), language),
      };
  }
}

/**
 * Word counts for a word cloud: stop words of Dutch and English removed, and words that share a
 * stem counted together under their most frequent spelling ("samenwerking", "samenwerken").
 */
export function wordFrequencies(
  words: string[],
  language: "nl" | "en",
  top = 60,
): { word: string; count: number }[] {
  const stop = stopwordsFor();
  const stem = snowball(language);
  const byStem = new Map<string, Map<string, number>>();
  for (const raw of words) {
    for (const word of raw.toLowerCase().split(/[^\p{L}\p{N}'-]+/u)) {
      if (word.length < 2 || stop.has(word)) continue;
      const key = stem(word);
      const spellings = byStem.get(key) ?? new Map<string, number>();
      spellings.set(word, (spellings.get(word) ?? 0) + 1);
      byStem.set(key, spellings);
    }
  }
  return [...byStem.values()]
    .map((spellings) => {
      const [word] = [...spellings].sort((a, b) => b[1] - a[1])[0]!;
      return { word, count: [...spellings.values()].reduce((a, b) => a + b, 0) };
    })
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
    .slice(0, top);
}

export function aggregateWithSectors(
  question: Question,
  rows: AnswerRow[],
  language: "nl" | "en" = "nl",
): Results {
  const bySector: Record<string, Aggregate> = {};
  const credited = rows.map((r) => creditedSector(question, r));
  const sectors = new Set(credited.filter((s): s is string => !!s));
  for (const sector of sectors)
    bySector[sector] = aggregateAnswers(
      question,
      rows.filter((_, i) => credited[i] === sector),
      language,
    );
  return { questionId: question.id, all: aggregateAnswers(question, rows, language), bySector };
}

export { PHASE_POINTS };
