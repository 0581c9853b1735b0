import i18next from "i18next";
import { en } from "./en/index.ts";
import { nl } from "./nl/index.ts";

export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nl";

/** Every key of the Dutch catalog as a dotted path; plural forms also by their base key. */
type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K}` | (K extends `${infer B}_${"one" | "other" | "zero"}` ? `${P}${B}` : never)
    : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<typeof nl>;
export type T = (key: MessageKey, values?: Record<string, unknown>) => string;

export function isLocale(value: unknown): value is Locale {
  return value === "nl" || value === "en";
}

const instances = new Map<Locale, T>();

/** The translate function for a locale. Message keys are dotted paths into the catalogs. */
export function translator(locale: Locale): T {
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
    t = instance.t as unknown as T;
    instances.set(locale, t);
  }
  return t;
}

function leafKeys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => {
    if (typeof v !== "string") return leafKeys(v as object, `${prefix}${k}.`);
    const plural = /^(.*)_(one|other|zero)$/.exec(k);
    return plural ? [`${prefix}${k}`, `${prefix}${plural[1]}`] : [`${prefix}${k}`];
  });
}

const KEYS: ReadonlySet<string> = new Set(leafKeys(nl));

/** For keys that arrive as text (a zod message, a stored value): true only for a catalog key. */
export function isMessageKey(value: string): value is MessageKey {
  return KEYS.has(value);
}

/** A key that came as text from elsewhere (the live socket): itself when the catalog has it. */
export const messageKey = (
  value: string,
  fallback: MessageKey = "errors.badRequest",
): MessageKey => (isMessageKey(value) ? value : fallback);

/** A message a user can cause: a catalog key and the values it interpolates. */
export interface Message {
  key: MessageKey;
  values?: Record<string, string | number>;
}
