import { RateLimiterMemory } from "rate-limiter-flexible";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { fail, ok, type Result } from "../shared/result.ts";
import { email, LIMITS, validate } from "../shared/validate.ts";
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
 * Ten tries per address per 15 minutes, and fifty per client address, slow down password guessing
 * without locking out a whole office behind one NAT for long. Kept in memory: one app process
 * serves a region; with several processes each keeps its own count, which only loosens the bound.
 */
export function createLoginLimiter() {
  return {
    perAccount: new RateLimiterMemory({ points: 10, duration: 15 * 60 }),
    perClient: new RateLimiterMemory({ points: 50, duration: 15 * 60 }),
  };
}
export type LoginLimiter = ReturnType<typeof createLoginLimiter>;

export async function signIn(
  db: Db,
  limiter: LoginLimiter,
  input: unknown,
  clientAddress: string,
): Promise<Result<{ token: string; expiresAt: Date; userId: string }>> {
  const parsed = validate(signInSchema, input);
  if (!parsed.ok) return parsed;
  const { email: address, password } = parsed.value;
  try {
    await Promise.all([
      limiter.perAccount.consume(address),
      limiter.perClient.consume(clientAddress),
    ]);
  } catch {
    return fail("auth.tooManyAttempts");
  }
  const user = await db
    .selectFrom("users")
    .select(["id", "password_hash"])
    .where("email", "=", address)
    .executeTakeFirst();
  const valid = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
  if (!user || !user.password_hash || !valid) return fail("auth.invalidCredentials");
  await limiter.perAccount.delete(address);
  const session = await createSession(db, user.id);
  return ok({ ...session, userId: user.id });
}
