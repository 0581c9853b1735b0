import i18next, { type TFunction } from "i18next";
import { en } from "./en/index.ts";
import { nl } from "./nl/index.ts";

export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nl";
export type T = TFunction;

export function isLocale(value: unknown): value is Locale {
  return value === "nl" || value === "en";
}

const instances = new Map<Locale, TFunction>();

/** The translate function for a locale. Message keys are dotted paths into the catalogs. */
export function translator(locale: Locale): TFunction {
  let t = instances.get(locale);
  if (!t) {
    const instance = i18next.createInstance();
    void instance.init({
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      resources: { nl: { translation: nl }, en: { translation: en } },
      initAsync: false,
      // React and the mail templates escape output themselves.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    t = instance.t;
    instances.set(locale, t);
  }
  return t;
}

/** A message a user can cause: a catalog key and the values it interpolates. */
export interface Message {
  key: string;
  values?: Record<string, string | number>;
}
