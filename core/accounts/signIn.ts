import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { rateLimited, fail, ok, type Result } from "../kernel/result.ts";
import { email, LIMITS, validate } from "../kernel/validate.ts";
import type { LoginLimiter } from "./loginLimiter.ts";
import { dummyHash, verifyPassword } from "./password.ts";
import { createSession } from "./sessions.ts";

export const signInSchema = z.object({
  email: email(),
  password: z
    .string({ error: "validation.required" })
    .min(1, { error: "validation.required" })
    .max(LIMITS.shortText),
});

/**
 * Signs in with e-mail address and password, within the login limiter's budgets: a spent budget
 * is `rateLimited`, whatever the password.
 */
export async function signIn(
  db: Db,
  limiter: LoginLimiter,
  input: unknown,
  clientAddress: string,
): Promise<Result<{ token: string; expiresAt: Date; userId: string }>> {
  const parsed = validate(signInSchema, input);
  if (!parsed.ok) return parsed;
  const { email: address, password } = parsed.value;
  if (!(await limiter.reserve(address, clientAddress))) return rateLimited("auth.tooManyAttempts");
  const user = await db
    .selectFrom("users")
    .select(["id", "password_hash"])
    .where("email", "=", address)
    .executeTakeFirst();
  const valid = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
  // A failure keeps its reserved attempt: that is the count.
  if (!user || !user.password_hash || !valid) return fail("auth.invalidCredentials");
  await limiter.succeeded(address, clientAddress);
  const session = await createSession(db, user.id);
  return ok({ ...session, userId: user.id });
}
