import { stemmer as snowball } from "./stemming.ts";
import { PHASE_POINTS, PHASES, type Phase, type Question } from "./template.ts";
import { stopwordsFor } from "./stopwords.ts";

export interface AnswerRow {
  value: unknown;
  sector: string | null;
  hidden: boolean;
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
  const sectors = new Set(rows.map((r) => r.sector).filter((s): s is string => !!s));
  for (const sector of sectors)
    bySector[sector] = aggregateAnswers(
      question,
      rows.filter((r) => r.sector === sector),
      language,
    );
  return { questionId: question.id, all: aggregateAnswers(question, rows, language), bySector };
}

export { PHASE_POINTS };
