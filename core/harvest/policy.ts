import type { Policy } from "../kernel/scope.ts";

/**
 * Who may do what with harvests, each intent with the least role. The intents pass these to the
 * guard, the routes to `requireRegion` and `may` to show only what a person may use.
 * Facilitators follow a harvest (its list, overview, contributions and their export);
 * organisers shape it: sources, contributions, themes and the publication.
 */
export const harvestPolicy = {
  /** The harvests, a harvest's overview and its contributions, read only. */
  list: "facilitator",
  exportContributions: "facilitator",
  /** The themes page, the publication and the trace of a contribution. */
  manage: "organiser",
  createHarvest: "organiser",
  updateHarvest: "organiser",
  setAgendaPublic: "organiser",
  addSource: "organiser",
  removeSource: "organiser",
  gatherContributions: "organiser",
  importContributions: "organiser",
  addContribution: "organiser",
  updateContribution: "organiser",
  setTags: "organiser",
  setHidden: "organiser",
  mergeContributions: "organiser",
  unmergeContribution: "organiser",
  proposeThemes: "organiser",
  acceptTheme: "organiser",
  renameTheme: "organiser",
  mergeThemes: "organiser",
  splitTheme: "organiser",
  moveContribution: "organiser",
  setStrategicTheme: "organiser",
  setThemeSummary: "organiser",
  reorderThemes: "organiser",
  selectQuote: "organiser",
  unselectQuote: "organiser",
  updatePublicationText: "organiser",
  setPublicationPublic: "organiser",
} as const satisfies Policy<string>;
