import { LOCALES, translator, type MessageKey } from "../../i18n/index.ts";
import { PERSPECTIVES, SECTORS, type Perspective, type Sector } from "./sectors.ts";

// A cell of an imported file names a sector or perspective by its code or by its label in any
// of our languages ("hbo", "Hoger beroepsonderwijs", "University of applied sciences"). Below the
// capabilities, because both the people import and the harvest import read them.
const normal = (s: string) => s.trim().toLocaleLowerCase("nl").replace(/\s+/g, " ");

function codeLookup<C extends string>(
  codes: readonly C[],
  prefix: "sectors" | "perspectives",
): Map<string, C> {
  const map = new Map<string, C>();
  for (const code of codes) {
    map.set(code, code);
    for (const locale of LOCALES)
      map.set(normal(translator(locale)(`${prefix}.${code}` as MessageKey)), code);
  }
  return map;
}

const sectorLookup = codeLookup(SECTORS, "sectors");
const perspectiveLookup = codeLookup(PERSPECTIVES, "perspectives");

/** A sector written as its code or as its label in any of our languages. */
export function sectorOf(value: string): Sector | undefined {
  return sectorLookup.get(normal(value));
}

export function perspectiveOf(value: string): Perspective | undefined {
  return perspectiveLookup.get(normal(value));
}
