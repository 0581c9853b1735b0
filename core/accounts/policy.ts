import type { Policy } from "../kernel/scope.ts";

/**
 * Who may manage a region's members: admins only. A region's membership decides what everyone
 * else may reach, so handing out or taking away roles is the admin's alone.
 */
export const accountsPolicy = {
  viewMembers: "admin",
  inviteMember: "admin",
  revokeInvitation: "admin",
  changeRole: "admin",
  removeMember: "admin",
} as const satisfies Policy<string>;
