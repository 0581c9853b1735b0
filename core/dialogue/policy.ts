import type { Policy } from "../kernel/scope.ts";

/**
 * Who may do what with live dialogue sessions and templates: the least role per intent. The
 * guard reads it in every intent, the routes and the live hub read it to decide what to show and
 * whom to let watch. Participants are not in it: they have no account, only a join code and a
 * device token (`joinSession.ts`, `saveAnswers.ts`).
 */
export const dialoguePolicy = {
  /** The list of sessions, the console, the presenter and the results page. */
  viewSessions: "facilitator",
  /** Following a session live over the WebSocket (console or presenter). */
  watchSession: "facilitator",
  createSession: "facilitator",
  /** Running order, answering, results, timer, end and reopen, the shared link. */
  controlSession: "facilitator",
  splitGroups: "facilitator",
  /** Taking a participant or a burst of joins out, with their answers. */
  removeParticipants: "facilitator",
  /** Hiding open answers and curating their themes (proposals, rename, merge, move, clear). */
  moderateAnswers: "facilitator",
  exportResults: "facilitator",
  /** Reading templates and starting sessions from them. */
  readTemplates: "facilitator",
  /** Creating, copying, editing and deleting the region's own templates. */
  manageTemplates: "organiser",
} as const satisfies Policy<string>;
