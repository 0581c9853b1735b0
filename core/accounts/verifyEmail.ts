import { sql } from "kysely";
import type { Db } from "../../db/client.ts";
import { gone, ok, type Result } from "../kernel/result.ts";
import { hashToken } from "./tokens.ts";

/** Whether a verification link can still be used (for the page that asks to confirm). */
export async function isVerificationTokenValid(db: Db, token: string): Promise<boolean> {
  const row = await db
    .selectFrom("email_verifications")
    .select("user_id")
    .where("token_hash", "=", hashToken(token))
    .where("expires_at", ">", new Date())
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Uses a verification link: the account's address becomes its owner's, provided it is still the
 * address the link was sent to. Every other open link of the account goes with it. A used or
 * expired link, or one for an address the account no longer has, is `gone`.
 */
export async function verifyEmail(db: Db, token: string): Promise<Result<{ userId: string }>> {
  return db.transaction().execute(async (trx) => {
    // Deleting the row claims it: of two uses at once, one finds it.
    const claimed = await trx
      .deleteFrom("email_verifications")
      .where("token_hash", "=", hashToken(token))
      .where("expires_at", ">", new Date())
      .returning(["user_id", "email"])
      .executeTakeFirst();
    if (!claimed) return gone("emailVerification.invalid");
    const verified = await trx
      .updateTable("users")
      .set({ email_verified_at: sql<Date>`coalesce(email_verified_at, now())` })
      .where("id", "=", claimed.user_id)
      .where("email", "=", claimed.email)
      .returning("id")
      .executeTakeFirst();
    if (!verified) return gone("emailVerification.invalid");
    await trx.deleteFrom("email_verifications").where("user_id", "=", claimed.user_id).execute();
    return ok({ userId: claimed.user_id });
  });
}

/** Whether the account's address is proven to be its owner's. */
export async function isEmailVerified(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select("email_verified_at")
    .where("id", "=", userId)
    .executeTakeFirst();
  return row?.email_verified_at != null;
}
