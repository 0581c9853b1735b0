import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { mean, permutationTest } from "simple-statistics";
import type { ScanTheme } from "../../db/schema.ts";
import { summarise, themeScores, type ResponseData, type Summary } from "./results.ts";
import { SCAN_THEMES, type ScanStatement } from "./statements.ts";

/** Below this p-value a change counts as larger than the noise. */
export const ALPHA = 0.05;
/** Permutations per test: enough for a p-value near 0.05 to be stable to about ±0.005. */
const PERMUTATIONS = 5_000;
/** Seeded, so a page shows the same p-value every time it is opened. */
const SEED = 13;

export interface Change {
  /** Mean of the later round minus mean of the earlier one. */
  meanChange: number | null;
  /** Two-sided permutation test of the difference in means; null when a round has < 2 answers. */
  p: number | null;
  beyondNoise: boolean | null;
}

/**
 * Whether two rounds differ by more than chance would make them: rounds are answered by
 * different, anonymous people, so they are two independent samples. simple-statistics'
 * permutation test shuffles the pooled answers between the two rounds (keeping their sizes)
 * and counts how often a difference in means at least this large turns up by chance.
 */
export function changeBetween(before: readonly number[], after: readonly number[]): Change {
  if (before.length === 0 || after.length === 0) {
    return { meanChange: null, p: null, beyondNoise: null };
  }
  const meanChange = mean([...after]) - mean([...before]);
  if (before.length < 2 || after.length < 2) return { meanChange, p: null, beyondNoise: null };
  const rng = xoroshiro128plus(SEED);
  const p = permutationTest([...after], [...before], "two_side", PERMUTATIONS, () =>
    uniformFloat64(rng),
  );
  return { meanChange, p, beyondNoise: p < ALPHA };
}

export interface RoundOfScan {
  id: string;
  number: number;
  label: string;
  openedAt: Date;
  responses: readonly ResponseData[];
}

export interface Series {
  perRound: Summary[];
  /** From each round to the next: `changes[i]` is round i → round i + 1. */
  changes: Change[];
}

export interface Development {
  rounds: { id: string; number: number; label: string; openedAt: Date; n: number }[];
  themes: (Series & { theme: ScanTheme })[];
  /** The statements answered in at least two rounds: the same statement over time. */
  statements: (Series & ScanStatement)[];
}

function series(valuesPerRound: number[][]): Series {
  return {
    perRound: valuesPerRound.map((v) => summarise(v)),
    changes: valuesPerRound.slice(1).map((after, i) => changeBetween(valuesPerRound[i]!, after)),
  };
}

/** The same themes and statements across a scan's rounds, oldest first. */
export function development(
  rounds: readonly RoundOfScan[],
  statements: readonly ScanStatement[],
): Development {
  const sorted = [...rounds].sort((a, b) => a.number - b.number);
  return {
    rounds: sorted.map((r) => ({
      id: r.id,
      number: r.number,
      label: r.label,
      openedAt: r.openedAt,
      n: r.responses.length,
    })),
    themes: SCAN_THEMES.map((theme) => ({
      theme,
      ...series(sorted.map((r) => themeScores(r.responses, statements, theme))),
    })),
    statements: statements
      .map((s) => ({
        ...s,
        ...series(
          sorted.map((r) =>
            r.responses
              .map((x) => x.answers.get(s.key))
              .filter((v): v is number => v !== undefined),
          ),
        ),
      }))
      .filter((s) => s.perRound.filter((x) => x.n > 0).length >= 2),
  };
}
