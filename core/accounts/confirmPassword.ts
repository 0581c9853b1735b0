import type { Db } from "../../db/client.ts";
import { fail, ok, type Result } from "../shared/result.ts";
import { verifyPassword } from "./password.ts";
import type { LoginLimiter } from "./signIn.ts";

/**
 * Checks the signed-in user's current password before a change that a borrowed or stolen session
 * must not be able to make. Counts against the same per-account limit as signing in, so these
 * forms cannot be used to guess the password either.
 */
export async function confirmPassword(
  db: Db,
  limiter: LoginLimiter,
  userId: string,
  password: string,
  field: string,
): Promise<Result<{ email: string }>> {
  const user = await db
    .selectFrom("users")
    .select(["email", "password_hash"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) return fail("errors.notFound");
  try {
    await limiter.perAccount.consume(user.email);
  } catch {
    return fail("auth.tooManyAttempts");
  }
  if (!user.password_hash || !(await verifyPassword(password, user.password_hash)))
    return fail("validation.failed", { [field]: { key: "account.wrongPassword" } });
  await limiter.perAccount.delete(user.email);
  return ok({ email: user.email });
}
