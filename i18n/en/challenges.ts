import type { CatalogOf } from "../catalog.ts";
import type { challenges as nl } from "../nl/challenges.ts";

export const challenges: CatalogOf<typeof nl> = {
  challenges: {
    slugTaken: "There are too many challenges with this title. Choose another title.",
    samePhase: "The challenge is already in this phase. Choose another phase.",
    partyRequired: "Choose an organisation or a person.",
    phase: {
      "1": "Urgent challenge",
      "2": "Form the network",
      "3": "Do it together",
      "4": "Consolidate and continue",
    },
    phaseNumbered: "Phase {{n}}: {{name}}",
    status: {
      candidate: "Candidate",
      active: "Active",
      paused: "Paused",
      closed: "Closed",
    },
    linkKind: {
      event: "Event",
      session: "Dialogue session",
      harvest: "Harvest",
      action: "Action",
      coalition: "Development coalition",
    },
    ladder: {
      "1": "Good and sufficient staff",
      "2": "Up-to-date curriculum",
      "3": "Workplace learning and lifelong development",
      "4": "Questions from practice",
      "5": "The learning region",
    },
    ambitionSource: {
      coordinator: "set by the coordinator",
      dialogue_one: "from a dialogue session ({{count}} answer)",
      dialogue_other: "from a dialogue session ({{count}} answers)",
    },
    helix: {
      government: "government",
      education: "education",
      business: "business",
      society: "civil society and residents",
    },
    role: {
      initiator: "Initiator",
      knowledgeBroker: "Knowledge broker",
      bridgeBuilder: "Bridge builder",
      experientialExpert: "Experiential expert",
      funder: "Funder",
      processLead: "Process lead",
    },
    warning: {
      stale_one: "No activity for {{count}} week.",
      stale_other: "No activity for {{count}} weeks.",
      phaseTooLong_one: "In the same phase for {{count}} month.",
      phaseTooLong_other: "In the same phase for {{count}} months.",
      missingSectors: "No partner from: {{list}}.",
      missingPerspectives: "No perspective: {{list}}.",
      noContinuation: "In phase 4 without an agreement on: {{list}}.",
      continuation: {
        funding: "funding",
        structure: "structure",
        owner: "owner",
      },
    },
  },
};
