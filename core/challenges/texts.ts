import type { T } from "../../i18n/index.ts";
import type { Warning } from "./warnings.ts";

/**
 * The words for the guard's warnings and the phases, one place for the dashboard, a challenge's
 * page and the weekly digest mail, so the three say the same thing in the reader's language.
 */
export function warningText(t: T, w: Warning): string {
  switch (w.kind) {
    case "stale":
      return t("challenges.warning.stale", { count: w.weeks });
    case "phaseTooLong":
      return t("challenges.warning.phaseTooLong", { count: w.months });
    case "missingSectors":
      return t("challenges.warning.missingSectors", {
        list: w.strands.map((s) => t(`challenges.helix.${s}`)).join(", "),
      });
    case "missingPerspectives":
      return t("challenges.warning.missingPerspectives", {
        list: w.perspectives.map((p) => t(`perspectives.${p}`)).join(", "),
      });
    case "noContinuation":
      return t("challenges.warning.noContinuation", {
        list: w.missing.map((k) => t(`challenges.warning.continuation.${k}`)).join(", "),
      });
  }
}

/** "Fase 2: Netwerk vormen". */
export const phaseLabel = (t: T, phase: number) =>
  t("challenges.phaseNumbered", {
    n: phase,
    name: t(`challenges.phase.${String(phase) as "1" | "2" | "3" | "4"}`),
  });
