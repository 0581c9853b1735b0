import { useRouteLoaderData } from "react-router";
import { DEFAULT_LOCALE, translator, type Locale, type Message } from "../../i18n/index.ts";

/** The translate function for the page's language, taken from the root loader. */
export function useT() {
  const root = useRouteLoaderData("root") as { locale: Locale } | undefined;
  return translator(root?.locale ?? DEFAULT_LOCALE);
}

export function useLocale(): Locale {
  const root = useRouteLoaderData("root") as { locale: Locale } | undefined;
  return root?.locale ?? DEFAULT_LOCALE;
}

/** Shows a message value (key + values) as text. */
export function useMessage() {
  const t = useT();
  return (m: Message | undefined) => (m ? t(m.key, m.values ?? {}) : undefined);
}

/** True when `value` is one of `list`, and then typed as such (a notice named in the URL). */
export const isOneOf = <const L extends readonly string[]>(
  list: L,
  value: string | null | undefined,
): value is L[number] => value != null && list.includes(value);

export function useCsrfToken(): string {
  const root = useRouteLoaderData("root") as { csrfToken: string } | undefined;
  return root?.csrfToken ?? "";
}
