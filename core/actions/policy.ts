import type { Policy } from "../kernel/scope.ts";

/**
 * Who may do what with the action agenda, each intent with the least role. The intents pass
 * these to the guard, the routes to `requireRegion` and `may`. The agenda is the organisers'.
 */
export const actionPolicy = {
  /** The agenda, an action's page and the contributions behind it. */
  manage: "organiser",
  createAction: "organiser",
  updateAction: "organiser",
  setActionStatus: "organiser",
  deleteAction: "organiser",
  addProgressNote: "organiser",
  deleteProgressNote: "organiser",
  linkTheme: "organiser",
  linkContributions: "organiser",
  unlinkSource: "organiser",
} as const satisfies Policy<string>;
