import { z } from "zod";
import type { Db } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { conflict, failure, gone, ok, type Result } from "../kernel/result.ts";
import { LIMITS, text, validate } from "../kernel/validate.ts";
import { hashPassword } from "./password.ts";
import { newPassword } from "./passwordPolicy.ts";
import { hashToken } from "./tokens.ts";
import { requestEmailVerification } from "./requestEmailVerification.ts";

export interface OpenInvitation {
  id: string;
  email: string;
  role: Role;
  regionId: string;
  regionName: string;
  regionSlug: string;
  hasAccount: boolean;
}

export async function findInvitation(db: Db, token: string): Promise<OpenInvitation | null> {
  const row = await db
    .selectFrom("invitations as i")
    .innerJoin("regions as r", "r.id", "i.region_id")
    .leftJoin("users as u", "u.email", "i.email")
    .select(["i.id", "i.email", "i.role", "i.region_id", "r.name", "r.slug", "u.id as user_id"])
    .where("i.token_hash", "=", hashToken(token))
    .where("i.accepted_at", "is", null)
    .where("i.expires_at", ">", new Date())
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    regionId: row.region_id,
    regionName: row.name,
    regionSlug: row.slug,
    hasAccount: row.user_id !== null,
  };
}

const newAccountSchema = z.object({ name: text(LIMITS.name), password: newPassword() });

/**
 * Accepts an invitation. A person without an account creates one here (name and password); a
 * person with an account must be signed in as the invited address. Accepting does not prove the
 * mailbox (an admin typed the address): a new account gets a verification link of its own.
 * A link that was used, revoked or has expired is `gone`.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  signedInUserId: string | null,
  input: unknown,
  opts: { publicUrl: string },
): Promise<Result<{ userId: string; regionSlug: string; createdAccount: boolean }>> {
  const accepted = await db.transaction().execute(async (trx) => {
    // Locked until it is claimed: a double click or two tabs accept it once, and a revocation
    // at the same moment either comes first (the link is gone) or waits.
    const invitation = await trx
      .selectFrom("invitations")
      .select(["id", "email", "role", "region_id"])
      .where("token_hash", "=", hashToken(token))
      .where("accepted_at", "is", null)
      .where("expires_at", ">", new Date())
      .forUpdate()
      .executeTakeFirst();
    if (!invitation) return gone("auth.invitationInvalid");
    const region = await trx
      .selectFrom("regions")
      .select("slug")
      .where("id", "=", invitation.region_id)
      .executeTakeFirstOrThrow();
    const existing = await trx
      .selectFrom("users")
      .select("id")
      .where("email", "=", invitation.email)
      .executeTakeFirst();
    let userId: string;
    let createdAccount = false;
    if (existing) {
      if (existing.id !== signedInUserId)
        return failure("forbidden", "auth.invitationWrongUser", undefined, {
          email: invitation.email,
        });
      userId = existing.id;
    } else {
      const parsed = validate(newAccountSchema, input);
      if (!parsed.ok) return parsed;
      const passwordHash = await hashPassword(parsed.value.password);
      // One statement: of two sign-ups for the address at once, the unique index keeps one.
      const user = await trx
        .insertInto("users")
        .values({ email: invitation.email, name: parsed.value.name, password_hash: passwordHash })
        .onConflict((oc) => oc.column("email").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!user) return conflict("auth.invitationInvalid");
      userId = user.id;
      createdAccount = true;
    }
    await trx
      .updateTable("invitations")
      .set({ accepted_at: new Date() })
      .where("id", "=", invitation.id)
      .execute();
    await trx
      .insertInto("memberships")
      .values({ user_id: userId, region_id: invitation.region_id, role: invitation.role })
      .onConflict((oc) =>
        oc.columns(["user_id", "region_id"]).doUpdateSet({ role: invitation.role }),
      )
      .execute();
    return ok({ userId, regionSlug: region.slug, createdAccount });
  });
  // The invitation's address was typed by an admin; the new account proves its mailbox apart.
  if (accepted.ok && accepted.value.createdAccount)
    await requestEmailVerification(db, accepted.value.userId, opts);
  return accepted;
}
