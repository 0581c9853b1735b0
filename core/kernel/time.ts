import { TZDate } from "@date-fns/tz";

/** Events happen in the Netherlands: times are typed and shown in Amsterdam time, stored in UTC. */
export const EVENT_TIME_ZONE = "Europe/Amsterdam";

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;

/**
 * "2026-12-03T14:30" as typed in a datetime-local field, read as Amsterdam time. Null for
 * anything else, including dates that do not exist (31 February).
 */
export function parseLocalDateTime(value: string): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const date = new TZDate(y, mo - 1, d, h, mi, EVENT_TIME_ZONE);
  if (date.getDate() !== d || date.getMonth() !== mo - 1) return null;
  return new Date(date.getTime());
}

/** The value a datetime-local field needs to show a stored moment in Amsterdam time. */
export function toLocalInput(date: Date | string | null): string {
  if (!date) return "";
  const z = new TZDate(new Date(date).getTime(), EVENT_TIME_ZONE);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${z.getFullYear()}-${p(z.getMonth() + 1)}-${p(z.getDate())}T${p(z.getHours())}:${p(z.getMinutes())}`;
}

const cache = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

/** Making an Intl formatter costs far more than using one: one pair per language. */
function formatters(locale: "nl" | "en") {
  let f = cache.get(locale);
  if (!f) {
    const tag = locale === "nl" ? "nl-NL" : "en-GB";
    f = {
      day: new Intl.DateTimeFormat(tag, {
        timeZone: EVENT_TIME_ZONE,
        weekday: "long",
        day: "numeric",
        month: "long",
        year: "numeric",
      }),
      time: new Intl.DateTimeFormat(tag, {
        timeZone: EVENT_TIME_ZONE,
        hour: "2-digit",
        minute: "2-digit",
      }),
    };
    cache.set(locale, f);
  }
  return f;
}

/** "donderdag 3 december 2026, 14:30–16:30" in the reader's language, always Amsterdam time. */
export function formatEventTime(
  start: Date | string,
  end: Date | string,
  locale: "nl" | "en",
): string {
  const { day, time } = formatters(locale);
  const s = new Date(start);
  const e = new Date(end);
  const sameDay = day.format(s) === day.format(e);
  return sameDay
    ? `${day.format(s)}, ${time.format(s)}–${time.format(e)}`
    : `${day.format(s)} ${time.format(s)} – ${day.format(e)} ${time.format(e)}`;
}
