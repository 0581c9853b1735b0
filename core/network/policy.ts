import type { Policy } from "../kernel/scope.ts";

/**
 * Who may see and shape the network. It names people and shows their position, so it is for
 * coordinators (organisers and up), not for every member; a person's own "mirror" is also
 * shown to themselves (the route checks that the signed-in address is theirs).
 */
export const networkPolicy = {
  view: "organiser",
  export: "organiser",
  recordTie: "organiser",
  removeTie: "organiser",
  mirror: "organiser",
  /** A member's own position and the ties they record themselves (their account's person). */
  ownPosition: "member",
  recordOwnTie: "member",
  removeOwnTie: "member",
} as const satisfies Policy<string>;
