import { clientKey } from "../kernel/clientKey.ts";
import { createHmac, randomBytes } from "node:crypto";
import { RateLimiterMemory } from "rate-limiter-flexible";

/** What joinSession needs to know about where a join comes from. */
export interface JoinSource {
  /** A keyed hash of the client's source, stored with the participant: never the address. */
  fingerprint: string;
  /** Takes one join from the source's allowance for the session; false once it is spent. */
  admit(sessionId: string): Promise<boolean>;
}

/**
 * Successful joins per client source and session. A room behind one school's Wi-Fi shares one
 * address, so the allowance is a burst per minute that a real room fits in (its people do not all
 * press "join" in the same minute, and who does not fit is told to wait a minute); a script that
 * makes participants to stack votes gets no more than that per minute, and the facilitator sees
 * and removes what it made (`joinFloods.ts`).
 *
 * The fingerprint's key lives only in this process's memory: a database dump holds no key, so
 * fingerprints cannot be turned back into addresses by trying all 2^32 IPv4 addresses. After a
 * restart the same network gets another fingerprint, which splits at most one burst in two.
 */
export class JoinAllowance {
  private limiter: RateLimiterMemory;
  private key = randomBytes(32);

  constructor(perClientPerMinute: number) {
    this.limiter = new RateLimiterMemory({ points: perClientPerMinute, duration: 60 });
  }

  fingerprint(clientAddress: string): string {
    return createHmac("sha256", this.key)
      .update(clientKey(clientAddress))
      .digest("hex")
      .slice(0, 16);
  }

  source(clientAddress: string): JoinSource {
    const source = clientKey(clientAddress);
    return {
      fingerprint: this.fingerprint(clientAddress),
      admit: (sessionId) =>
        this.limiter.consume(`${sessionId}|${source}`).then(
          () => true,
          () => false,
        ),
    };
  }
}
