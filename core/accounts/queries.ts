import type { Role } from "../../db/schema.ts";
import type { RegionScope } from "../kernel/scope.ts";

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  since: Date;
}

/** The region's members, admins first, then by name. */
export async function listMembers(scope: RegionScope): Promise<MemberRow[]> {
  const rows = await scope.db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id", "u.name", "u.email", "m.role", "m.created_at"])
    .where("m.region_id", "=", scope.regionId)
    .orderBy((eb) => eb.case().when("m.role", "=", "admin").then(0).else(1).end())
    .orderBy("u.name")
    .orderBy("u.email")
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    since: r.created_at,
  }));
}

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  expired: boolean;
}

/** Invitations not accepted yet, newest first; expired ones too, so that they can be cleaned up. */
export async function listPendingInvitations(scope: RegionScope): Promise<InvitationRow[]> {
  const rows = await scope.db
    .selectFrom("invitations as i")
    .leftJoin("users as u", "u.id", "i.invited_by")
    .select(["i.id", "i.email", "i.role", "u.name as inviter", "i.created_at", "i.expires_at"])
    .where("i.region_id", "=", scope.regionId)
    .where("i.accepted_at", "is", null)
    .orderBy("i.created_at", "desc")
    .execute();
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    invitedBy: r.inviter,
    createdAt: r.created_at,
    expiresAt: new Date(r.expires_at),
    expired: new Date(r.expires_at).getTime() <= now,
  }));
}
