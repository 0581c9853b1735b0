import type { Message, MessageKey } from "../../i18n/index.ts";

/**
 * Errors a user can cause are values, translated at the edge; exceptions are for bugs and
 * outages. What went wrong (the kind, which decides the HTTP status) is kept apart from how it is
 * said (the message key), so a route never compares message keys to pick a status.
 */
export type FailureKind =
  "invalid" | "notFound" | "forbidden" | "conflict" | "gone" | "rateLimited";

export interface Failure {
  ok: false;
  kind: FailureKind;
  error: Message;
  fieldErrors?: Record<string, Message>;
}

export type Result<T> = { ok: true; value: T } | Failure;

/** The one table from a failure's kind to the HTTP status a route answers with. */
export const HTTP_STATUS: Readonly<Record<FailureKind, number>> = {
  invalid: 400,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  gone: 410,
  rateLimited: 429,
};

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const failure = (
  kind: FailureKind,
  key: MessageKey,
  fieldErrors?: Record<string, Message>,
  values?: Message["values"],
): Failure => ({ ok: false, kind, error: { key, values }, fieldErrors });

/** Input the user can correct: the form comes back with the message(s). */
export const fail = (
  key: MessageKey,
  fieldErrors?: Record<string, Message>,
  values?: Message["values"],
): Failure => failure("invalid", key, fieldErrors, values);

/** Not there, or not in a region this user may see: the same answer for both. */
export const notFound = (): Failure => failure("notFound", "errors.notFound");

/** In the region, but the role does not allow it. */
export const forbidden = (): Failure => failure("forbidden", "errors.forbidden");

/** The request is fine but the state does not allow it now (last admin, already merged…). */
export const conflict = (key: MessageKey, values?: Message["values"]): Failure =>
  failure("conflict", key, undefined, values);

/** It existed but has ended: an expired link, a closed form. */
export const gone = (key: MessageKey): Failure => failure("gone", key);

export const rateLimited = (key: MessageKey): Failure => failure("rateLimited", key);
