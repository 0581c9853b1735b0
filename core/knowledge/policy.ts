import type { Policy } from "../kernel/scope.ts";

/**
 * Who may do what with the knowledge base. Every member reads it (its point is to be used);
 * organisers write, publish and share the region's entries, adopt those of other regions and
 * take part in learning communities. A community is run by the organisers of its host region;
 * a member region's organisers may link their own events as meetings and may leave.
 */
export const knowledgePolicy = {
  view: "member",
  exportEntries: "facilitator",
  createEntry: "organiser",
  updateEntry: "organiser",
  deleteEntry: "organiser",
  publishEntry: "organiser",
  setSharing: "organiser",
  addEvidence: "organiser",
  removeEvidence: "organiser",
  addAuthor: "organiser",
  setAuthorConsent: "organiser",
  removeAuthor: "organiser",
  draftFrom: "organiser",
  adoptEntry: "organiser",
  recordAdoptionResult: "organiser",
  createCommunity: "organiser",
  updateCommunity: "organiser",
  addCommunityMember: "organiser",
  removeCommunityMember: "organiser",
  linkMeeting: "organiser",
  unlinkMeeting: "organiser",
} as const satisfies Policy<string>;
