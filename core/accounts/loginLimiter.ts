import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { clientKey } from "../kernel/clientKey.ts";

/**
 * Budgets for password guesses; only failed attempts spend them.
 *
 * - per account and client address: 10 failures per 15 minutes. This is the one a guesser meets.
 * - per client address: 100 failures per 15 minutes, across accounts (spraying one password over
 *   many accounts). A school or office behind one NAT only spends it by typing wrong passwords.
 * - per account, from every address together: 100 failures per hour, the most ASVS 2.2.1 allows.
 *   It is the only budget that shuts the owner out too, so it is as high as allowed: spending it
 *   takes 100 wrong guesses within the hour from at least three addresses (one address gets at
 *   most 40 an hour from the first budget), and it holds at most until that hour is over.
 *
 * A right password clears the failures of its account and address, so the owner who mistyped
 * is not held back, and a guesser shut out on their address does not shut the owner out on theirs.
 */
export const LOGIN_LIMITS = {
  perPair: { points: 10, duration: 15 * 60 },
  perClient: { points: 100, duration: 15 * 60 },
  perAccount: { points: 100, duration: 60 * 60 },
} as const;

/**
 * Where the failures are counted. In memory for now (one app process per deployment; with more,
 * each keeps its own count, which only loosens the bounds); a shared store can implement the same.
 * `account` is the normalised e-mail address, `client` the client's IP address (or a fixed name
 * for checks made inside a signed-in session).
 */
export interface LoginLimiter {
  /**
   * Takes one attempt from every budget before the password is checked (so parallel guesses
   * cannot all slip past the count). False when a budget is spent; a refused attempt takes
   * nothing, so hammering a closed door does not spend the account's shared budget.
   * Until `succeeded` is called, the attempt counts as a failure.
   */
  reserve(account: string, client: string): Promise<boolean>;
  /** The password was right: the attempt does not count, and this pair's failures are forgotten. */
  succeeded(account: string, client: string): Promise<void>;
  /** Forgets the failures of this pair, e.g. after the owner set a new password through a mailed link. */
  forgive(account: string, client: string): Promise<void>;
}

export function createLoginLimiter(): LoginLimiter {
  const perPair = new RateLimiterMemory(LOGIN_LIMITS.perPair);
  const perClient = new RateLimiterMemory(LOGIN_LIMITS.perClient);
  const perAccount = new RateLimiterMemory(LOGIN_LIMITS.perAccount);
  const budgets = (account: string, client: string) => {
    const from = clientKey(client);
    return [
      [perPair, `${account} ${from}`],
      [perClient, from],
      [perAccount, account],
    ] as const;
  };
  const giveBack = async (limiter: RateLimiterMemory, key: string) => {
    const current = await limiter.get(key);
    if (current && current.consumedPoints > 0) await limiter.reward(key);
  };
  return {
    async reserve(account, client) {
      const taken: (readonly [RateLimiterMemory, string])[] = [];
      for (const budget of budgets(account, client)) {
        const [limiter, key] = budget;
        try {
          await limiter.consume(key);
          taken.push(budget);
        } catch (err) {
          if (!(err instanceof RateLimiterRes)) throw err;
          // The refused try was counted by consume; it and the budgets before it get theirs back.
          for (const [l, k] of [...taken, budget]) await giveBack(l, k);
          return false;
        }
      }
      return true;
    },
    async succeeded(account, client) {
      const [[pairLimiter, pairKey], ...shared] = budgets(account, client);
      await pairLimiter.delete(pairKey);
      for (const [limiter, key] of shared) await giveBack(limiter, key);
    },
    async forgive(account, client) {
      const [[pairLimiter, pairKey]] = budgets(account, client);
      await pairLimiter.delete(pairKey);
    },
  };
}
