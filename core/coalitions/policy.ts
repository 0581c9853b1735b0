import type { Policy } from "../kernel/scope.ts";

/**
 * Who may do what with development coalitions: organisers keep them (they hold names and
 * addresses of members and of people who offered to join). Interest from the public agenda needs
 * no account and no role: see expressInterest.ts.
 */
export const coalitionPolicy = {
  view: "organiser",
  createCoalition: "organiser",
  updateCoalition: "organiser",
  deleteCoalition: "organiser",
  linkAction: "organiser",
  unlinkAction: "organiser",
  addMember: "organiser",
  decideMember: "organiser",
} as const satisfies Policy<string>;
