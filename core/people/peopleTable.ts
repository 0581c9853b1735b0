import { LOCALES, translator, type Locale } from "../../i18n/index.ts";

/**
 * The columns of a people file, in the order an export writes them. Import and export share
 * them, so a file exported in either language can be imported again.
 */
export const PEOPLE_COLUMNS = [
  "name",
  "email",
  "organisation",
  "sector",
  "perspectives",
  "expertise",
] as const;
export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number];

/** Header spellings that spreadsheets in the wild use, next to the catalog's own headers. */
const HEADER_ALIASES: Record<string, PeopleColumn> = {
  naam: "name",
  "e-mail": "email",
  "e-mailadres": "email",
  emailadres: "email",
  "email address": "email",
  "e-mail address": "email",
  mail: "email",
  organisatie: "organisation",
  organization: "organisation",
  perspectief: "perspectives",
  perspectieven: "perspectives",
  perspective: "perspectives",
  expertises: "expertise",
};

const normal = (s: string) => s.trim().toLocaleLowerCase("nl").replace(/\s+/g, " ");

const headerLookup = new Map<string, PeopleColumn>(
  Object.entries(HEADER_ALIASES).map(([k, v]) => [normal(k), v]),
);
for (const column of PEOPLE_COLUMNS) {
  headerLookup.set(column, column);
  for (const locale of LOCALES) {
    headerLookup.set(normal(translator(locale)(`peopleExport.columns.${column}`)), column);
  }
}

export function columnOf(header: string): PeopleColumn | undefined {
  return headerLookup.get(normal(header));
}

export function columnHeaders(locale: Locale): string[] {
  const t = translator(locale);
  return PEOPLE_COLUMNS.map((c) => t(`peopleExport.columns.${c}`));
}

/** Several values in one cell: separated by commas, semicolons or vertical bars. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[,;|]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
