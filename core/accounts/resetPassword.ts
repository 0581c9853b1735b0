import { sql } from "kysely";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { gone, ok, type Result } from "../kernel/result.ts";
import { validate } from "../kernel/validate.ts";
import { hashPassword } from "./password.ts";
import { newPassword } from "./passwordPolicy.ts";
import { hashToken } from "./tokens.ts";

/** Whether a reset link can still be used (for the page that asks for the new password). */
export async function isResetTokenValid(db: Db, token: string): Promise<boolean> {
  const row = await db
    .selectFrom("password_resets")
    .select("user_id")
    .where("token_hash", "=", hashToken(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", new Date())
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Sets the new password and ends every session of the account. Using one link uses up every
 * link of the account: an older mail (in a shared or stolen inbox) cannot be used afterwards.
 * (Changing the password on the account page drops them too.) A used or expired link is `gone`.
 */
export async function resetPassword(
  db: Db,
  token: string,
  input: unknown,
): Promise<Result<{ userId: string; email: string }>> {
  const parsed = validate(z.object({ password: newPassword() }), input);
  if (!parsed.ok) return parsed;
  const passwordHash = await hashPassword(parsed.value.password);
  const user = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .deleteFrom("password_resets")
      .where("token_hash", "=", hashToken(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", new Date())
      .returning("user_id")
      .executeTakeFirst();
    if (!claimed) return null;
    await trx.deleteFrom("password_resets").where("user_id", "=", claimed.user_id).execute();
    const updated = await trx
      .updateTable("users")
      // The link went to the account's address only, so using it proves the mailbox too.
      .set({
        password_hash: passwordHash,
        email_verified_at: sql<Date>`coalesce(email_verified_at, now())`,
      })
      .where("id", "=", claimed.user_id)
      .returning(["id", "email"])
      .executeTakeFirstOrThrow();
    await trx.deleteFrom("auth_sessions").where("user_id", "=", claimed.user_id).execute();
    return updated;
  });
  return user ? ok({ userId: user.id, email: user.email }) : gone("auth.resetInvalid");
}
