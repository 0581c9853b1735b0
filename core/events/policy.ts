import type { Policy } from "../kernel/scope.ts";

/**
 * Who may do what with events, each intent with the least role. The intents pass these to the
 * guard, the routes to `requireRegion` and `may` to show only what a person may use.
 * Facilitators see the events for the check-in on the day and run their dialogue sessions;
 * organisers plan events and handle registrations.
 */
export const eventPolicy = {
  /** The events list and series (to pick an event for the check-in). */
  list: "facilitator",
  /** An event's management page, its registrations and their exports. */
  manage: "organiser",
  createEvent: "organiser",
  editEvent: "organiser",
  setStatus: "organiser",
  closeRegistration: "organiser",
  duplicate: "organiser",
  cancelEvent: "organiser",
  addQuestion: "organiser",
  removeQuestion: "organiser",
  createInvitation: "organiser",
  revokeInvitation: "organiser",
  createSeries: "organiser",
  messageRegistrants: "organiser",
  cancelRegistration: "organiser",
  exportRegistrations: "organiser",
  checkIn: "facilitator",
  startDialogue: "facilitator",
  inviteToDialogue: "organiser",
} as const satisfies Policy<string>;
