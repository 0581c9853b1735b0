import { PERSPECTIVES, SECTORS, type Perspective, type Sector } from "../kernel/sectors.ts";

/**
 * Who is in a coalition, by sector and by perspective, and who is not: the sectors of the
 * quadruple helix and the five perspectives of the cycle that no member brings. "Other" and an
 * unknown sector count as present in the table but are never "missing".
 */
export interface CoalitionMix {
  members: number;
  sectors: { sector: Sector | null; count: number }[];
  perspectives: { perspective: Perspective | null; count: number }[];
  missingSectors: Sector[];
  missingPerspectives: Perspective[];
}

export function mixOf(
  members: { sector: string | null; perspective: string | null }[],
): CoalitionMix {
  const sectorCounts = new Map<Sector | null, number>();
  const perspectiveCounts = new Map<Perspective | null, number>();
  for (const m of members) {
    const s = (SECTORS as readonly string[]).includes(m.sector ?? "") ? (m.sector as Sector) : null;
    const p = (PERSPECTIVES as readonly string[]).includes(m.perspective ?? "")
      ? (m.perspective as Perspective)
      : null;
    sectorCounts.set(s, (sectorCounts.get(s) ?? 0) + 1);
    perspectiveCounts.set(p, (perspectiveCounts.get(p) ?? 0) + 1);
  }
  const ordered = <K extends string>(all: readonly K[], counts: Map<K | null, number>) => [
    ...all.filter((k) => counts.has(k)).map((k) => ({ key: k, count: counts.get(k)! })),
    ...(counts.has(null) ? [{ key: null, count: counts.get(null)! }] : []),
  ];
  return {
    members: members.length,
    sectors: ordered(SECTORS, sectorCounts).map((r) => ({ sector: r.key, count: r.count })),
    perspectives: ordered(PERSPECTIVES, perspectiveCounts).map((r) => ({
      perspective: r.key,
      count: r.count,
    })),
    missingSectors: SECTORS.filter((s) => s !== "other" && !sectorCounts.has(s)),
    missingPerspectives: PERSPECTIVES.filter((p) => !perspectiveCounts.has(p)),
  };
}
