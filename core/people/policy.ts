import type { Policy } from "../kernel/scope.ts";

/**
 * Who may do what with the region's organisations and people. Every member sees the
 * organisations; people (names, addresses) only from facilitator up, since facilitators work with
 * them in sessions; only organisers change, import, export or erase them.
 */
export const peoplePolicy = {
  viewOrganisations: "member",
  viewPeople: "facilitator",
  createOrganisation: "organiser",
  updateOrganisation: "organiser",
  deleteOrganisation: "organiser",
  addPerson: "organiser",
  updatePerson: "organiser",
  erasePerson: "organiser",
  mergePeople: "organiser",
  importPeople: "organiser",
  exportPeople: "organiser",
  exportPerson: "organiser",
} as const satisfies Policy<string>;
