import type { Db } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";

// The web layer takes these from here: it may not reach into db/.
export type { Db, Role };

/**
 * What an acting user may reach: one region, with their role in it. Every function that reads
 * or writes tenant data takes a scope first, so there is no way to query without one.
 */
export interface RegionScope {
  db: Db;
  regionId: string;
  userId: string;
  role: Role;
}

const rank: Record<Role, number> = { member: 0, facilitator: 1, organiser: 2, admin: 3 };

/** True when `role` is at least `needed` (admin ⊃ organiser ⊃ facilitator ⊃ member). */
export function hasRole(role: Role, needed: Role): boolean {
  return rank[role] >= rank[needed];
}

export const ROLES: readonly Role[] = ["admin", "organiser", "facilitator", "member"];

/**
 * A capability's policy: each intent with the least role that may do it. The guard reads it
 * (`withRow(scope, { role: policy.addQuestion, … })`) and so do the routes, to show only the
 * buttons a person may use (`may(scope, policy.addQuestion)`).
 */
export type Policy<I extends string> = Readonly<Record<I, Role>>;

export const may = (scope: { role: Role }, needed: Role): boolean => hasRole(scope.role, needed);
