import { randomInt } from "node:crypto";

/** No 0/O, 1/I/L: a code read from a screen at the back of a room must survive being typed. */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;

/** 31^8 ≈ 8.5·10^11 codes; with attempts rate-limited, guessing an open session is hopeless. */
export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** "abcd 2345", "ABCD-2345" → "ABCD2345"; null when it cannot be a code. */
export function normaliseJoinCode(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c))
    ? code
    : null;
}

/** "ABCD2345" → "ABCD 2345", as shown on screens. */
export const formatJoinCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;
