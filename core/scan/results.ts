import { mean, quantileSorted } from "simple-statistics";
import type { ScanForm, ScanTheme } from "../../db/schema.ts";
import { ESSENTIALS, type Essential } from "../kernel/sectors.ts";
import { MIN_GROUP } from "./schema.ts";
import { SCAN_FORMS, SCAN_THEMES, type ScanStatement } from "./statements.ts";

/** The spread of answers on a 1–5 scale, not only their mean. */
export interface Summary {
  n: number;
  /** How many answered 1, 2, 3, 4 and 5 (for scores between whole numbers: rounded). */
  counts: [number, number, number, number, number];
  mean: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

export function summarise(values: readonly number[]): Summary {
  const counts: Summary["counts"] = [0, 0, 0, 0, 0];
  for (const v of values) counts[Math.min(5, Math.max(1, Math.round(v))) - 1]!++;
  if (values.length === 0) return { n: 0, counts, mean: null, median: null, q1: null, q3: null };
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: values.length,
    counts,
    mean: mean(sorted),
    median: quantileSorted(sorted, 0.5),
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
  };
}

/** One respondent's response as the results need it. */
export interface ResponseData {
  sector: string | null;
  perspective: string | null;
  ladderNow: number | null;
  ladderDesired: number | null;
  phases: readonly (number | null)[];
  answers: ReadonlyMap<string, number>;
}

const present = (values: readonly (number | null)[]) =>
  values.filter((v): v is number => v !== null);

/**
 * A respondent's score on a theme: the mean of their answers to its statements (of one form, or
 * all), or null when they answered none.
 */
function scoreOf(
  response: ResponseData,
  statements: readonly ScanStatement[],
  theme: ScanTheme,
  form?: ScanForm,
): number | null {
  const values = statements
    .filter((s) => s.theme === theme && (form === undefined || s.form === form))
    .map((s) => response.answers.get(s.key))
    .filter((v): v is number => v !== undefined);
  return values.length === 0 ? null : mean(values);
}

export interface ThemeResult {
  theme: ScanTheme;
  /** All statements of the theme, group and individual together. */
  all: Summary;
  group: Summary;
  individual: Summary;
  /**
   * How much more (positive) or less respondents agree about themselves than about the group:
   * the mean of individual scores minus the mean of group scores.
   */
  gap: number | null;
}

export interface Breakdown {
  /** The sector or perspective; null for respondents who did not say. */
  key: string | null;
  /** Null when hidden: fewer than MIN_GROUP respondents, or it would give a hidden group away. */
  n: number | null;
  hidden: boolean;
  themes: { theme: ScanTheme; median: number | null; mean: number | null }[];
}

export interface RoundResults {
  n: number;
  ladderNow: Summary;
  ladderDesired: Summary;
  phases: Summary[];
  statements: (ScanStatement & { summary: Summary })[];
  themes: ThemeResult[];
  /** The essential with the lowest mean score, when any was answered. */
  weakest: Essential | null;
  bySector: Breakdown[];
  byPerspective: Breakdown[];
}

/**
 * Which groups may be shown apart: those of at least MIN_GROUP respondents. When the hidden ones
 * together are fewer than MIN_GROUP but not none, the whole round minus the shown groups would
 * give them away, so the smallest shown group is hidden too (and so on).
 */
export function shownGroups(sizes: ReadonlyMap<string | null, number>): Set<string | null> {
  const shown = new Set([...sizes].filter(([, n]) => n >= MIN_GROUP).map(([k]) => k));
  const hiddenTotal = () =>
    [...sizes].filter(([k]) => !shown.has(k)).reduce((sum, [, n]) => sum + n, 0);
  while (shown.size > 0 && hiddenTotal() > 0 && hiddenTotal() < MIN_GROUP) {
    const smallest = [...shown].sort((a, b) => sizes.get(a)! - sizes.get(b)!)[0]!;
    shown.delete(smallest);
  }
  return shown;
}

function breakdown(
  responses: readonly ResponseData[],
  statements: readonly ScanStatement[],
  by: (r: ResponseData) => string | null,
): Breakdown[] {
  const groups = new Map<string | null, ResponseData[]>();
  for (const r of responses) {
    const key = by(r);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const shown = shownGroups(new Map([...groups].map(([k, rs]) => [k, rs.length])));
  return [...groups]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([key, rs]) => {
      const hidden = !shown.has(key);
      return {
        key,
        n: hidden ? null : rs.length,
        hidden,
        themes: hidden
          ? []
          : SCAN_THEMES.map((theme) => {
              const s = summarise(present(rs.map((r) => scoreOf(r, statements, theme))));
              return { theme, median: s.median, mean: s.mean };
            }),
      };
    });
}

/** Everything a round's results page shows, from its responses: pure, so it is tested alone. */
export function roundResults(
  responses: readonly ResponseData[],
  statements: readonly ScanStatement[],
): RoundResults {
  const themes = SCAN_THEMES.map((theme): ThemeResult => {
    const [group, individual] = SCAN_FORMS.map((form) =>
      summarise(present(responses.map((r) => scoreOf(r, statements, theme, form)))),
    ) as [Summary, Summary];
    return {
      theme,
      all: summarise(present(responses.map((r) => scoreOf(r, statements, theme)))),
      group,
      individual,
      gap: group.mean !== null && individual.mean !== null ? individual.mean - group.mean : null,
    };
  });
  const essentials = themes.filter(
    (t): t is ThemeResult & { theme: Essential } =>
      ESSENTIALS.includes(t.theme as Essential) && t.all.mean !== null,
  );
  const weakest =
    essentials.length === 0
      ? null
      : essentials.reduce((low, t) => (t.all.mean! < low.all.mean! ? t : low)).theme;
  return {
    n: responses.length,
    ladderNow: summarise(present(responses.map((r) => r.ladderNow))),
    ladderDesired: summarise(present(responses.map((r) => r.ladderDesired))),
    phases: [0, 1, 2, 3].map((i) => summarise(present(responses.map((r) => r.phases[i] ?? null)))),
    statements: statements.map((s) => ({
      ...s,
      summary: summarise(
        responses.map((r) => r.answers.get(s.key)).filter((v): v is number => v !== undefined),
      ),
    })),
    themes,
    weakest,
    bySector: breakdown(responses, statements, (r) => r.sector),
    byPerspective: breakdown(responses, statements, (r) => r.perspective),
  };
}

/** A respondent's score per theme, for comparisons over rounds and the benchmark. */
export function themeScores(
  responses: readonly ResponseData[],
  statements: readonly ScanStatement[],
  theme: ScanTheme,
): number[] {
  return present(responses.map((r) => scoreOf(r, statements, theme)));
}
