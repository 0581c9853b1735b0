import { RateLimiterMemory } from "rate-limiter-flexible";

/**
 * Sign-up floods: a few registrations per e-mail address, and a cap per client address that a
 * whole school behind one address does not reach in normal use (set by
 * REGISTRATIONS_PER_CLIENT_PER_MINUTE).
 */
export function createRegistrationLimiter(perClientPerMinute: number) {
  return {
    perClient: new RateLimiterMemory({ points: perClientPerMinute, duration: 60 }),
    perAddress: new RateLimiterMemory({ points: 5, duration: 10 * 60 }),
  };
}
export type RegistrationLimiter = ReturnType<typeof createRegistrationLimiter>;

/** False when this client or this e-mail address has registered too often just now. */
export async function mayRegister(
  limiter: RegistrationLimiter,
  clientAddress: string,
  email: unknown,
): Promise<boolean> {
  try {
    await limiter.perClient.consume(clientAddress);
    if (typeof email === "string" && email.trim() !== "")
      await limiter.perAddress.consume(email.trim().toLowerCase().slice(0, 254));
    return true;
  } catch {
    return false;
  }
}
