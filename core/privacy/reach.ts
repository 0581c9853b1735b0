import { sql, type Expression, type SqlBool } from "kysely";

/**
 * Which records found by the account's e-mail address "my data" export and erasure may act on.
 * The account itself and the regions it is a member of always; other regions only once the
 * address is verified (a link mailed to it was used). Before that, the address is only what some
 * admin typed into an invitation, and it could be another region's registrant or person.
 */
export interface AddressReach {
  email: string;
  verified: boolean;
  userId: string;
}

export function addressReach(user: {
  id: string;
  email: string;
  email_verified_at: Date | null;
}): AddressReach {
  return { email: user.email, verified: user.email_verified_at !== null, userId: user.id };
}

/**
 * The condition on a record's region column: true everywhere once verified; otherwise only in
 * the account's own regions, and for platform mail that belongs to no region.
 */
export function inReach(reach: AddressReach, regionColumn: string): Expression<SqlBool> {
  if (reach.verified) return sql<SqlBool>`true`;
  return sql<SqlBool>`(${sql.ref(regionColumn)} IS NULL OR ${sql.ref(regionColumn)} IN (SELECT region_id FROM memberships WHERE user_id = ${reach.userId}))`;
}
