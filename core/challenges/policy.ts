import type { Policy } from "../kernel/scope.ts";

/**
 * Who may do what with a region's challenges. Facilitators follow them (dashboard, a challenge's
 * page, its timeline and export); organisers steer them: describe, rate on behalf of a party,
 * move the phase, link activities, set the ambition and the roles.
 */
export const challengePolicy = {
  view: "facilitator",
  exportTimeline: "facilitator",
  createChallenge: "organiser",
  updateChallenge: "organiser",
  deleteChallenge: "organiser",
  changePhase: "organiser",
  linkActivity: "organiser",
  unlinkActivity: "organiser",
  rateChallenge: "organiser",
  removeRating: "organiser",
  setAmbition: "organiser",
  assignRole: "organiser",
  removeRole: "organiser",
  /** The guard's thresholds and the region's list of roles. */
  configureGuard: "admin",
} as const satisfies Policy<string>;
