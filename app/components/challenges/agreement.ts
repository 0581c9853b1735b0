import { sectorKey } from "../../../core/kernel/sectors.ts";

export interface Spread {
  mean: number;
  min: number;
  max: number;
}

export interface AgreementRow {
  /** The sector's catalog key (sectorKey), so that "other" and unknown sectors fall together. */
  sector: ReturnType<typeof sectorKey> | null;
  parties: number;
  urgency: Spread;
  importance: Spread;
}

/** Parties agree on a measure when their ratings lie at most one step apart. */
export const AGREE_SPREAD = 1;

const spread = (values: number[]): Spread => ({
  mean: Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10,
  min: Math.min(...values),
  max: Math.max(...values),
});

export const agrees = (s: Spread) => s.max - s.min <= AGREE_SPREAD;

/**
 * Where the parties agree and differ: per sector (the quadruple helix's sectors as the region
 * lists them) the mean and the range of urgency and importance, and the same over all parties.
 */
export function agreement(
  ratings: readonly { sector: string | null; urgency: number; importance: number }[],
): { perSector: AgreementRow[]; all: AgreementRow | null } {
  if (ratings.length === 0) return { perSector: [], all: null };
  const groups = new Map<string | null, typeof ratings>();
  for (const r of ratings) {
    const key = r.sector === null ? null : sectorKey(r.sector);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const row = (sector: AgreementRow["sector"], rs: typeof ratings): AgreementRow => ({
    sector,
    parties: rs.length,
    urgency: spread(rs.map((r) => r.urgency)),
    importance: spread(rs.map((r) => r.importance)),
  });
  return {
    perSector: [...groups].map(([k, rs]) => row(k as AgreementRow["sector"], rs)),
    all: row(null, ratings),
  };
}
