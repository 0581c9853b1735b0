import type { Db } from "../../db/client.ts";
import { rateLimited, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { verifyPassword } from "./password.ts";
import type { LoginLimiter } from "./loginLimiter.ts";

/**
 * The name these checks count under in the login limiter, in place of a client address: the
 * callers do not pass one. A stolen session guessing here gets the pair's 10 tries per 15 minutes
 * and spends the account's hourly budget like any guesser; it does not touch the owner's sign-in
 * from their own address.
 */
export const SIGNED_IN_CLIENT = "signed-in session";

/**
 * Checks the signed-in user's current password before a change that a borrowed or stolen session
 * must not be able to make. Counts against the same limiter as signing in (only failures count),
 * so these forms cannot be used to guess the password either.
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
  if (!user) return notFound();
  if (!(await limiter.reserve(user.email, SIGNED_IN_CLIENT)))
    return rateLimited("auth.tooManyAttempts");
  if (!user.password_hash || !(await verifyPassword(password, user.password_hash)))
    return fail("validation.failed", { [field]: { key: "account.wrongPassword" } });
  await limiter.succeeded(user.email, SIGNED_IN_CLIENT);
  return ok({ email: user.email });
}
