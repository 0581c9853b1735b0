import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import { LIMITS, validate } from "../kernel/validate.ts";
import { confirmPassword } from "./confirmPassword.ts";
import { hashPassword } from "./password.ts";
import { newPassword } from "./passwordPolicy.ts";
import type { LoginLimiter } from "./loginLimiter.ts";
import { hashToken } from "./tokens.ts";

export const changePasswordSchema = z.object({
  currentPassword: z
    .string({ error: "validation.required" })
    .min(1, { error: "validation.required" })
    .max(LIMITS.shortText),
  newPassword: newPassword(),
});

/**
 * Sets a new password after checking the current one. Every other session of the account ends,
 * so whoever else had a session (a shared computer, a stolen cookie) is signed out; the session
 * that made the change stays.
 */
export async function changePassword(
  db: Db,
  limiter: LoginLimiter,
  actor: { userId: string; sessionToken: string | null },
  input: unknown,
): Promise<Result<{ endedSessions: number }>> {
  const parsed = validate(changePasswordSchema, input);
  if (!parsed.ok) return parsed;
  const { currentPassword, newPassword: password } = parsed.value;
  if (currentPassword === password)
    return fail("validation.failed", { newPassword: { key: "account.passwordUnchanged" } });
  const confirmed = await confirmPassword(
    db,
    limiter,
    actor.userId,
    currentPassword,
    "currentPassword",
  );
  if (!confirmed.ok) return confirmed;
  const passwordHash = await hashPassword(password);
  const ended = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash })
      .where("id", "=", actor.userId)
      .execute();
    let others = trx.deleteFrom("auth_sessions").where("user_id", "=", actor.userId);
    if (actor.sessionToken)
      others = others.where("token_hash", "!=", hashToken(actor.sessionToken));
    const deleted = await others.executeTakeFirst();
    await trx.deleteFrom("password_resets").where("user_id", "=", actor.userId).execute();
    return Number(deleted.numDeletedRows);
  });
  return ok({ endedSessions: ended });
}
