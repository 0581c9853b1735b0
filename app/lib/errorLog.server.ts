/**
 * What a log line says about a thrown value. Not everything thrown is an Error: a driver may throw
 * a plain object with a message, a library a string. `String(value)` made those
 * `"[object Object]"`; the message is what a reader of the log needs.
 */
export function errorForLog(value: unknown): { message: string; stack?: string } {
  if (value instanceof Error) return { message: value.message, stack: value.stack };
  if (typeof value === "object" && value !== null) {
    const { message, stack } = value as { message?: unknown; stack?: unknown };
    if (typeof message === "string")
      return { message, stack: typeof stack === "string" ? stack : undefined };
    try {
      return { message: JSON.stringify(value).slice(0, 1000) };
    } catch {
      // A cycle, or a getter that throws: the type is all we can say.
      return { message: `a thrown ${value.constructor?.name ?? "object"}` };
    }
  }
  return { message: String(value) };
}

/** React Router's own refusal of a post whose Origin is not the request's: a visitor's doing, no bug. */
export function isOriginRefusal(value: unknown): boolean {
  return value instanceof Error && /Aborting the action/.test(value.message);
}
