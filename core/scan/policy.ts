import type { Policy } from "../kernel/scope.ts";

/**
 * Who may do what with a region's self-scans. Facilitators read the results (they run the
 * sessions where a scan is discussed); organisers set scans up and run their rounds; whether
 * the region shows its figures to other regions in the benchmark is the admin's decision.
 */
export const scanPolicy = {
  view: "facilitator",
  createScan: "organiser",
  deleteScan: "organiser",
  addStatement: "organiser",
  removeStatement: "organiser",
  openRound: "organiser",
  closeRound: "organiser",
  makeLinks: "organiser",
  setBenchmark: "admin",
} as const satisfies Policy<string>;
