import type { Message } from "../../i18n/index.ts";

/**
 * Errors a user can cause are values with message keys, translated at the edge; exceptions are
 * for bugs and outages.
 */
export type Result<T> =
  { ok: true; value: T } | { ok: false; error: Message; fieldErrors?: Record<string, Message> };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (
  key: string,
  fieldErrors?: Record<string, Message>,
  values?: Message["values"],
): { ok: false; error: Message; fieldErrors?: Record<string, Message> } => ({
  ok: false,
  error: { key, values },
  fieldErrors,
});
