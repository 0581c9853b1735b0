import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { translator, type Locale } from "../../i18n/index.ts";
import { queueMail } from "../mail/outbox.ts";
import { fail, ok, type Result } from "../shared/result.ts";
import { email, validate } from "../shared/validate.ts";
import { hashPassword } from "./password.ts";
import { newPassword } from "./passwordPolicy.ts";
import { hashToken, newToken } from "./tokens.ts";

const RESET_MINUTES = 60;

/**
 * Sends a reset link when the address has an account. The answer is the same either way, so the
 * form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(
  db: Db,
  input: unknown,
  opts: { publicUrl: string },
): Promise<Result<{ sent: boolean }>> {
  const parsed = validate(z.object({ email: email() }), input);
  if (!parsed.ok) return parsed;
  const user = await db
    .selectFrom("users")
    .select(["id", "locale"])
    .where("email", "=", parsed.value.email)
    .executeTakeFirst();
  if (!user) return ok({ sent: false });
  const token = newToken();
  const t = translator(user.locale as Locale);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("password_resets")
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        expires_at: new Date(Date.now() + RESET_MINUTES * 60_000),
      })
      .execute();
    await queueMail(trx, {
      regionId: null,
      to: parsed.value.email,
      subject: t("mail.passwordReset.subject"),
      text: `${t("mail.passwordReset.body", { link: `${opts.publicUrl}/reset-password/${token}` })}\n\n${t("mail.signature")}`,
    });
  });
  return ok({ sent: true });
}

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

/** Sets the new password, uses up the link and ends every session of the account. */
export async function resetPassword(
  db: Db,
  token: string,
  input: unknown,
): Promise<Result<{ userId: string }>> {
  const parsed = validate(z.object({ password: newPassword() }), input);
  if (!parsed.ok) return parsed;
  const passwordHash = await hashPassword(parsed.value.password);
  const userId = await db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable("password_resets")
      .set({ used_at: new Date() })
      .where("token_hash", "=", hashToken(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", new Date())
      .returning("user_id")
      .executeTakeFirst();
    if (!claimed) return null;
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash })
      .where("id", "=", claimed.user_id)
      .execute();
    await trx.deleteFrom("auth_sessions").where("user_id", "=", claimed.user_id).execute();
    return claimed.user_id;
  });
  return userId ? ok({ userId }) : fail("auth.resetInvalid");
}
