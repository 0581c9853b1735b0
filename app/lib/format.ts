import type { Locale } from "../../i18n/index.ts";

const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let f = formats.get(key);
  if (!f) {
    // Stored in UTC, always shown in Dutch time, wherever the server or the reader is.
    f = new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
      timeZone: "Europe/Amsterdam",
      dateStyle: "medium",
      ...(withTime ? { timeStyle: "short" } : {}),
    });
    formats.set(key, f);
  }
  return f;
}

export const formatDateTime = (date: Date | string, locale: Locale): string =>
  format(locale, true).format(new Date(date));

export const formatDate = (date: Date | string, locale: Locale): string =>
  format(locale, false).format(new Date(date));

/** The date in ISO form for a <time datetime> attribute. */
export const isoDate = (date: Date | string): string => new Date(date).toISOString();
