import type { ChallengeStatus, CyclePhase } from "../../db/schema.ts";
import { PERSPECTIVES, type Perspective, type Sector } from "../kernel/sectors.ts";

/**
 * The consolidation guard (seed 001's central worry: projects stop after their last evaluation).
 * Pure: the dashboard, a challenge's page and the weekly digest all ask it with what they read.
 */

/** The quadruple helix, with the sectors of the region's list that belong to each strand. */
export const HELIX = {
  government: ["government"],
  education: ["mbo", "hbo", "wo"],
  business: ["company"],
  society: ["social", "residents"],
} as const satisfies Record<string, readonly Sector[]>;
export type HelixStrand = keyof typeof HELIX;
const STRANDS = Object.keys(HELIX) as HelixStrand[];

export interface GuardSettings {
  staleAfterWeeks: number;
  phaseMaxMonths: number;
}

export interface GuardInput {
  status: ChallengeStatus;
  phase: CyclePhase;
  phaseSince: Date;
  lastActivity: Date;
  /** Sectors of the parties that rated or play a role. */
  sectors: readonly string[];
  perspectives: readonly string[];
  continuation: { funding: string; structure: string; owner: string };
}

export type Warning =
  | { kind: "stale"; weeks: number }
  | { kind: "phaseTooLong"; months: number }
  | { kind: "missingSectors"; strands: HelixStrand[] }
  | { kind: "missingPerspectives"; perspectives: Perspective[] }
  | { kind: "noContinuation"; missing: ("funding" | "structure" | "owner")[] };

const WEEK = 7 * 24 * 60 * 60 * 1000;

/** Whole calendar months between two moments (a month is not a fixed number of days). */
function monthsBetween(from: Date, to: Date): number {
  let months =
    (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  return Math.max(0, months);
}

/**
 * The warnings for one challenge. Only challenges being worked on are guarded: a candidate,
 * paused or closed challenge is quiet on purpose. Missing sectors and perspectives count from
 * phase 2 on, when the network is formed; phase 1 is about the urgency itself.
 */
export function warningsFor(c: GuardInput, settings: GuardSettings, now: Date): Warning[] {
  if (c.status !== "active") return [];
  const warnings: Warning[] = [];
  const weeks = Math.floor((now.getTime() - c.lastActivity.getTime()) / WEEK);
  if (weeks >= settings.staleAfterWeeks) warnings.push({ kind: "stale", weeks });
  const months = monthsBetween(c.phaseSince, now);
  if (months >= settings.phaseMaxMonths) warnings.push({ kind: "phaseTooLong", months });
  if (c.phase >= 2) {
    const strands = STRANDS.filter(
      (s) => !(HELIX[s] as readonly string[]).some((sector) => c.sectors.includes(sector)),
    );
    if (strands.length > 0) warnings.push({ kind: "missingSectors", strands });
    const perspectives = PERSPECTIVES.filter((p) => !c.perspectives.includes(p));
    if (perspectives.length > 0) warnings.push({ kind: "missingPerspectives", perspectives });
  }
  if (c.phase === 4) {
    const missing = (["funding", "structure", "owner"] as const).filter(
      (k) => c.continuation[k].trim() === "",
    );
    if (missing.length > 0) warnings.push({ kind: "noContinuation", missing });
  }
  return warnings;
}
