import type { CatalogOf } from "../catalog.ts";
import type { challengeDigest as nl } from "../nl/challengeDigest.ts";

export const challengeDigest: CatalogOf<typeof nl> = {
  challengeDigest: {
    subject_one: "{{region}}: 1 challenge needs attention",
    subject_other: "{{region}}: {{count}} challenges need attention",
    intro:
      "This week the guard of {{region}} sees something that needs attention in the following challenges, so the work does not stop after its last evaluation.",
    challenge: "{{title}} ({{phase}})",
    open: "Open the challenge",
    dashboard: "All of the region's challenges at a glance (where do we stand?)",
    why: "You receive this mail each week there is something to report, because you are an organiser or admin of {{region}}. An admin sets the thresholds (weeks without activity, months in one phase) in the challenges' settings.",
  },
};
