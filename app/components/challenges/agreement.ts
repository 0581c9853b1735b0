import type { MessageKey } from "../../../i18n/index.ts";
import { isPerspective, perspectiveKey, sectorKey } from "../../../core/kernel/sectors.ts";

export interface Spread {
  mean: number;
  min: number;
  max: number;
}

export interface AgreementRow {
  /** The group's catalog key (a sector or a perspective); null for ratings without one. */
  group: MessageKey | null;
  parties: number;
  urgency: Spread;
  importance: Spread;
}

interface Rating {
  sector: string | null;
  perspective: string | null;
  urgency: number;
  importance: number;
}

/** Parties agree on a measure when their ratings lie at most one step apart. */
export const AGREE_SPREAD = 1;

const spread = (values: number[]): Spread => ({
  mean: Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10,
  min: Math.min(...values),
  max: Math.max(...values),
});

export const agrees = (s: Spread) => s.max - s.min <= AGREE_SPREAD;

const row = (group: MessageKey | null, rs: readonly Rating[]): AgreementRow => ({
  group,
  parties: rs.length,
  urgency: spread(rs.map((r) => r.urgency)),
  importance: spread(rs.map((r) => r.importance)),
});

function groupBy(ratings: readonly Rating[], keyOf: (r: Rating) => MessageKey | null) {
  const groups = new Map<MessageKey | null, Rating[]>();
  for (const r of ratings) {
    const key = keyOf(r);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups].map(([k, rs]) => row(k, rs));
}

/**
 * Where the parties agree and differ: the mean and the range of urgency and importance per
 * sector (as the region lists them; an unknown sector reads "other"), per perspective of the
 * person who rated, and over all parties.
 */
export function agreement(ratings: readonly Rating[]): {
  perSector: AgreementRow[];
  perPerspective: AgreementRow[];
  all: AgreementRow | null;
} {
  if (ratings.length === 0) return { perSector: [], perPerspective: [], all: null };
  return {
    perSector: groupBy(ratings, (r) => (r.sector === null ? null : sectorKey(r.sector))),
    // Only ratings by a person carry a perspective; the others are left out of this view.
    perPerspective: groupBy(
      ratings.filter((r) => isPerspective(r.perspective)),
      (r) => (isPerspective(r.perspective) ? perspectiveKey(r.perspective) : null),
    ),
    all: row(null, ratings),
  };
}
