import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/** True while this client address may still send; false once it has sent too much just now. */
export type AddressLimit = (clientAddress: string) => Promise<boolean>;

/**
 * An allowance per client address for a public form. Each server makes its own (server/app.ts),
 * in memory like the sign-in limits: one process per deployment for now, and two servers in one
 * test run never share what they counted.
 */
export function addressLimit(limit: { points: number; seconds: number }): AddressLimit {
  const limiter = new RateLimiterMemory({ points: limit.points, duration: limit.seconds });
  return async (clientAddress) => {
    try {
      await limiter.consume(clientAddress || "unknown");
      return true;
    } catch (err) {
      if (err instanceof RateLimiterRes) return false;
      throw err;
    }
  };
}
