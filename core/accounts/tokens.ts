import { createHash, randomBytes } from "node:crypto";

/** 256 bits of randomness, URL-safe: for session cookies, invitation and reset links. */
export const newToken = (): string => randomBytes(32).toString("base64url");

/** Only hashes of tokens are stored: a copy of the database cannot be used to sign in. */
export const hashToken = (token: string): string =>
  createHash("sha256").update(token).digest("base64url");
