import { randomBytes } from "node:crypto";
import type { Db } from "../kernel/tx.ts";
import { sign, verify } from "../kernel/signing.ts";
import { isId } from "../kernel/validate.ts";

const PURPOSE = "scan-link";

/**
 * A personal link is signed, not stored: "<round id>~<nonce>.<signature>". The nonce is what a
 * response keeps (unique per round), so one link answers once, and nothing secret sits in the
 * database. Whoever holds the link answers as its owner; it names nobody.
 */
export async function personalToken(db: Db, roundId: string): Promise<string> {
  return sign(db, PURPOSE, `${roundId}~${randomBytes(12).toString("base64url")}`);
}

/** The round and nonce of a link made here, or null for a forged or mangled one. */
export async function readPersonalToken(
  db: Db,
  token: string,
): Promise<{ roundId: string; nonce: string } | null> {
  const id = await verify(db, PURPOSE, token);
  if (!id) return null;
  const [roundId, nonce] = id.split("~");
  if (!roundId || !nonce || !isId(roundId) || !/^[A-Za-z0-9_-]{8,40}$/.test(nonce)) return null;
  return { roundId, nonce };
}
