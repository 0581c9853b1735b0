import type { Warning } from "../../../core/challenges/warnings.ts";
import type { T } from "../../../i18n/index.ts";

/** One warning of the consolidation guard as a sentence, its lists in the page's language. */
export function warningText(t: T, w: Warning): string {
  switch (w.kind) {
    case "stale":
      return t("challenges.warning.stale", { weeks: w.weeks });
    case "phaseTooLong":
      return t("challenges.warning.phaseTooLong", { months: w.months });
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

export const phaseLabel = (t: T, phase: number) =>
  t("challenges.phaseNumbered", {
    n: phase,
    name: t(`challenges.phase.${String(phase) as "1" | "2" | "3" | "4"}`),
  });
