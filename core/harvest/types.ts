import { z } from "zod";
import type { ContributionKind, ContributionOrigin } from "../../db/schema.ts";
import { LOCALES, translator } from "../../i18n/index.ts";

/** What a contribution is (seed 004 speaks of dreams, dilemmas and inspiring ideas). */
export const KINDS = [
  "dream",
  "dilemma",
  "idea",
  "question",
  "other",
] as const satisfies readonly ContributionKind[];
export type Kind = (typeof KINDS)[number];

export const ORIGINS = [
  "answer",
  "group_note",
  "form",
  "import",
  "manual",
] as const satisfies readonly ContributionOrigin[];
export type Origin = (typeof ORIGINS)[number];

export const HARVEST_LIMITS = {
  title: 200,
  description: 10_000,
  strategicThemes: 12,
  strategicTheme: 200,
  /** The database allows 4,000 characters; an open answer has at most 2,000. */
  text: 4000,
  formText: 2000,
  tags: 20,
  tag: 60,
  sourceLabel: 500,
  sourceTheme: 200,
} as const;

/** PostgreSQL text and jsonb cannot hold a NUL character; typed text never has one. */
export const noNul = (v: string) => !v.includes("\u0000");

/** Text from a query string or a file, without NUL characters, which no one types. */
export const withoutNul = (v: string) => v.replaceAll("\u0000", "");

const normal = (s: string) => s.trim().toLocaleLowerCase("nl").replace(/\s+/g, " ");

/** Words people write for a kind in a spreadsheet, next to the catalog's own labels. */
const KIND_ALIASES: Record<string, Kind> = {
  droom: "dream",
  dromen: "dream",
  dreams: "dream",
  dilemma: "dilemma",
  "dilemma's": "dilemma",
  dilemmas: "dilemma",
  idee: "idea",
  ideeën: "idea",
  ideeen: "idea",
  ideas: "idea",
  vraag: "question",
  vragen: "question",
  questions: "question",
  overig: "other",
  anders: "other",
};

const kindLookup = new Map<string, Kind>(
  Object.entries(KIND_ALIASES).map(([k, v]) => [normal(k), v]),
);
for (const kind of KINDS) {
  kindLookup.set(kind, kind);
  for (const locale of LOCALES)
    kindLookup.set(normal(translator(locale)(`harvest.kinds.${kind}`)), kind);
}

/** A kind written as its code or as a Dutch or English word for it. */
export function kindOf(value: string): Kind | undefined {
  return kindLookup.get(normal(value));
}

export { isSector } from "../kernel/sectors.ts";

/** Free tags: trimmed, without duplicates, at most 20 of at most 60 characters each. */
export const tagList = () =>
  z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((v) =>
      (Array.isArray(v) ? v : v.split(/[,;|\n]/))
        .map((s) => s.trim().replace(/\s+/g, " "))
        .filter((s) => s.length > 0),
    )
    .pipe(
      z
        .array(
          z
            .string()
            .max(HARVEST_LIMITS.tag, { error: () => `validation.tooLong|${HARVEST_LIMITS.tag}` })
            .refine(noNul, { error: "validation.invalid" }),
        )
        .transform((a) => {
          // The first spelling of a tag wins: "Zorg, zorg" is one tag, "Zorg".
          const seen = new Map<string, string>();
          for (const t of a)
            if (!seen.has(t.toLocaleLowerCase("nl"))) seen.set(t.toLocaleLowerCase("nl"), t);
          return [...seen.values()];
        })
        .pipe(
          z.array(z.string()).max(HARVEST_LIMITS.tags, {
            error: () => `validation.tooMany|${HARVEST_LIMITS.tags}`,
          }),
        ),
    );

/** Tags from a jsonb column: anything that is not a list of strings reads as no tags. */
export function tagsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
}

/** The kind a question asks for, when its id or prompt says so plainly; otherwise "other". */
export function guessKind(...texts: string[]): Kind {
  const all = texts.join(" ").toLocaleLowerCase("nl");
  if (/\bdroom|\bdromen\b|\bdreams?\b/.test(all)) return "dream";
  if (/\bdilemma/.test(all)) return "dilemma";
  // "ideaal" and "ideal" are no ideas.
  if (/\bidee|\bideas?\b/.test(all)) return "idea";
  if (/\bvra(a)?g(en)?\b|\bquestions?\b/.test(all)) return "question";
  return "other";
}
