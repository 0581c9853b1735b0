import { z } from "zod";
import type { Db } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import { LIMITS, text, validate } from "../kernel/validate.ts";
import { hashPassword } from "./password.ts";
import { newPassword } from "./passwordPolicy.ts";
import { hashToken } from "./tokens.ts";
import { requestEmailVerification } from "./verifyEmail.ts";

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
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  signedInUserId: string | null,
  input: unknown,
  opts: { publicUrl: string },
): Promise<Result<{ userId: string; regionSlug: string; createdAccount: boolean }>> {
  const invitation = await findInvitation(db, token);
  if (!invitation) return fail("auth.invitationInvalid");
  let userId: string;
  let createdAccount = false;
  if (invitation.hasAccount) {
    const user = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", invitation.email)
      .executeTakeFirstOrThrow();
    if (user.id !== signedInUserId)
      return fail("auth.invitationWrongUser", undefined, { email: invitation.email });
    userId = user.id;
  } else {
    const parsed = validate(newAccountSchema, input);
    if (!parsed.ok) return parsed;
    const passwordHash = await hashPassword(parsed.value.password);
    const user = await db
      .insertInto("users")
      .values({ email: invitation.email, name: parsed.value.name, password_hash: passwordHash })
      .onConflict((oc) => oc.column("email").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!user) return fail("auth.invitationInvalid");
    userId = user.id;
    createdAccount = true;
  }
  await db.transaction().execute(async (trx) => {
    // Accepting twice (double click, two tabs) must not fail or downgrade: the update guards on accepted_at.
    const claimed = await trx
      .updateTable("invitations")
      .set({ accepted_at: new Date() })
      .where("id", "=", invitation.id)
      .where("accepted_at", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!claimed) return;
    await trx
      .insertInto("memberships")
      .values({ user_id: userId, region_id: invitation.regionId, role: invitation.role })
      .onConflict((oc) =>
        oc.columns(["user_id", "region_id"]).doUpdateSet({ role: invitation.role }),
      )
      .execute();
  });
  // The invitation's address was typed by an admin; the new account proves its mailbox apart.
  if (createdAccount) await requestEmailVerification(db, userId, opts);
  return ok({ userId, regionSlug: invitation.regionSlug, createdAccount });
}
