import { TZDate } from "@date-fns/tz";
import type { Locale } from "../../i18n/index.ts";

/**
 * The platform serves Dutch regions: moments are typed and shown in Amsterdam time, stored in UTC.
 */
export const TIME_ZONE = "Europe/Amsterdam";

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
  const date = new TZDate(y, mo - 1, d, h, mi, TIME_ZONE);
  if (date.getDate() !== d || date.getMonth() !== mo - 1) return null;
  return new Date(date.getTime());
}

/** The value a datetime-local field needs to show a stored moment in Amsterdam time. */
export function toLocalInput(date: Date | string | null): string {
  if (!date) return "";
  const z = new TZDate(new Date(date).getTime(), TIME_ZONE);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${z.getFullYear()}-${p(z.getMonth() + 1)}-${p(z.getDate())}T${p(z.getHours())}:${p(z.getMinutes())}`;
}

/**
 * Every way a moment is written, all in Amsterdam time wherever the server or the reader is:
 * Dutch readers get nl-NL, English ones en-GB (24-hour clock, day before month).
 */
const STYLES = {
  /** 3 dec 2026 / 3 Dec 2026 */
  date: { dateStyle: "medium" },
  /** 3 dec 2026, 14:30 / 3 Dec 2026, 14:30 */
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  /** 03-12-2026, 14:30 / 03/12/2026, 14:30: compact, for a spreadsheet's cells */
  shortDateTime: { dateStyle: "short", timeStyle: "short" },
  /** 3-12-2026 / 03/12/2026 */
  numericDate: { year: "numeric", month: "numeric", day: "numeric" },
  /** 3 december 2026 / 3 December 2026 */
  longDate: { dateStyle: "long" },
  /** donderdag 3 december 2026 / Thursday, 3 December 2026 */
  weekdayDate: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  /** 14:30 */
  time: { hour: "2-digit", minute: "2-digit" },
  /** 14:30:05 */
  timeWithSeconds: { hour: "2-digit", minute: "2-digit", second: "2-digit" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type MomentStyle = keyof typeof STYLES;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Making an Intl formatter costs far more than using one: one per language and style. */
function formatter(locale: Locale, style: MomentStyle): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
      ...STYLES[style],
      timeZone: TIME_ZONE,
    });
    formatters.set(key, f);
  }
  return f;
}

/** A stored moment (UTC) as the reader reads it, in Amsterdam time. */
export function formatMoment(value: Date | string, locale: Locale, style: MomentStyle): string {
  return formatter(locale, style).format(new Date(value));
}

export const formatDate = (value: Date | string, locale: Locale): string =>
  formatMoment(value, locale, "date");

export const formatDateTime = (value: Date | string, locale: Locale): string =>
  formatMoment(value, locale, "dateTime");

/** The moment in ISO form for a <time datetime> attribute. */
export const isoDate = (value: Date | string): string => new Date(value).toISOString();

const isoDayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The Amsterdam day as YYYY-MM-DD (en-CA writes dates so), e.g. for a file name. */
export const isoDay = (value: Date | string): string => isoDayFormat.format(new Date(value));

/** "donderdag 3 december 2026, 14:30–16:30" in the reader's language, always Amsterdam time. */
export function formatEventTime(start: Date | string, end: Date | string, locale: Locale): string {
  const day = formatter(locale, "weekdayDate");
  const time = formatter(locale, "time");
  const s = new Date(start);
  const e = new Date(end);
  const sameDay = day.format(s) === day.format(e);
  return sameDay
    ? `${day.format(s)}, ${time.format(s)}–${time.format(e)}`
    : `${day.format(s)} ${time.format(s)} – ${day.format(e)} ${time.format(e)}`;
}
