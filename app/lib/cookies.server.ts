import { randomBytes, timingSafeEqual } from "node:crypto";
import { parseCookie } from "cookie";

export const SESSION_COOKIE = "lr_session";
export const CSRF_COOKIE = "lr_csrf";
export const LANG_COOKIE = "lr_lang";
/** A browser keeps its chosen language for a year. */
export const LANG_COOKIE_MAX_AGE = 365 * 24 * 3600;

/** Our cookie values are URL-safe tokens; anything else is not one of ours and reads as absent. */
const OUR_VALUE = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * One cookie from a Cookie header, for every reader: the routes (`readCookie`), the WebSocket
 * upgrade and the body guard in server/ (which see Node's request, not a Fetch one). The `cookie`
 * package parses (the first of two cookies with one name wins, as browsers send the most specific
 * first); values are taken as sent, never decoded, so "%41" cannot pass for "A".
 */
export function cookieValue(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  const value = parseCookie(header, { decode: (raw) => raw })[name];
  return value !== undefined && OUR_VALUE.test(value) ? value : null;
}

export function readCookie(request: Request, name: string): string | null {
  return cookieValue(request.headers.get("Cookie"), name);
}

export interface CookieOptions {
  maxAgeSeconds?: number;
  secure: boolean;
  httpOnly?: boolean;
}

/** HttpOnly and SameSite=Lax always; Secure whenever the app is served over HTTPS. */
export function serializeCookie(name: string, value: string, opts: CookieOptions): string {
  const parts = [`${name}=${value}`, "Path=/", "SameSite=Lax"];
  if (opts.httpOnly !== false) parts.push("HttpOnly");
  if (opts.secure) parts.push("Secure");
  if (opts.maxAgeSeconds !== undefined) parts.push(`Max-Age=${opts.maxAgeSeconds}`);
  return parts.join("; ");
}

export const newCsrfToken = (): string => randomBytes(24).toString("base64url");

export function sameToken(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
