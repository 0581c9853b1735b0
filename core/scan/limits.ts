import { RateLimiterMemory } from "rate-limiter-flexible";

export const RESPONSE_LIMIT = { points: 60, seconds: 10 * 60 } as const;

/**
 * Responses per client address: a class or a team filling in the scan together sits behind one
 * school's or office's address, so the allowance is a room's, not a person's; a script still
 * meets it soon. In memory, like the other public forms: one process per deployment for now.
 */
const limiter = new RateLimiterMemory({
  points: RESPONSE_LIMIT.points,
  duration: RESPONSE_LIMIT.seconds,
});

/** False when this client address has sent too many responses just now. */
export async function mayRespond(clientAddress: string): Promise<boolean> {
  try {
    await limiter.consume(clientAddress || "unknown");
    return true;
  } catch {
    return false;
  }
}
