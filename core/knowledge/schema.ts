import { z } from "zod";
import type {
  AdoptionOutcome,
  KnowledgeKind,
  KnowledgeVisibility,
  Locale,
} from "../../db/schema.ts";
import { ESSENTIALS, PERSPECTIVES, SECTORS } from "../kernel/sectors.ts";
import { isId, optionalText, storable, text } from "../kernel/validate.ts";
import type { Reader } from "../kernel/tx.ts";

export const KNOWLEDGE_KINDS = [
  "lesson",
  "practice",
  "method",
  "instrument",
  "source",
] as const satisfies readonly KnowledgeKind[];
export const VISIBILITIES = [
  "region",
  "shared",
  "public",
] as const satisfies readonly KnowledgeVisibility[];
export const OUTCOMES = [
  "worked",
  "partly",
  "not_yet",
  "did_not_work",
] as const satisfies readonly AdoptionOutcome[];
export const LANGUAGES = ["nl", "en"] as const satisfies readonly Locale[];
/** Open licences a knowledge base shares under; CC BY 4.0 unless the author says otherwise. */
export const LICENCES = ["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "all-rights-reserved"] as const;
export const LICENCE_URL: Record<string, string | undefined> = {
  "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
  "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
  "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
};

export const KNOWLEDGE_LIMITS = {
  title: 200,
  summary: 1000,
  body: 50_000,
  citation: 1000,
  url: 500,
  theme: 200,
  note: 2000,
  tried: 2000,
  communityName: 200,
  communityDescription: 5000,
  shares: 100,
} as const;

/** A checkbox group or multiple select: absent, one value or several, each one of `allowed`. */
const choices = <const T extends readonly (string | number)[]>(allowed: T) => {
  const names = allowed.map(String);
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .refine((list) => list.length <= names.length && list.every((s) => names.includes(s)), {
      error: "validation.choice",
    })
    .transform((list): T[number][] => allowed.filter((a) => list.includes(String(a))));
};

const webAddress = () =>
  z
    .string()
    .trim()
    .max(KNOWLEDGE_LIMITS.url, { error: () => `validation.tooLong|${KNOWLEDGE_LIMITS.url}` })
    .refine(storable, { error: "validation.characters" })
    .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), { error: "knowledge.urlInvalid" })
    .default("");

export const entrySchema = z
  .object({
    kind: z.enum(KNOWLEDGE_KINDS, { error: "validation.choice" }),
    title: text(KNOWLEDGE_LIMITS.title),
    summary: optionalText(KNOWLEDGE_LIMITS.summary),
    bodyMd: optionalText(KNOWLEDGE_LIMITS.body),
    citation: optionalText(KNOWLEDGE_LIMITS.citation),
    sourceUrl: webAddress(),
    sectors: choices(SECTORS),
    perspectives: choices(PERSPECTIVES),
    essentials: choices(ESSENTIALS),
    ambitionLevels: choices([1, 2, 3, 4, 5] as const),
    phases: choices([1, 2, 3, 4] as const),
    theme: optionalText(KNOWLEDGE_LIMITS.theme),
    licence: z.enum(LICENCES, { error: "validation.choice" }).default("CC-BY-4.0"),
    language: z.enum(LANGUAGES, { error: "validation.choice" }).default("nl"),
  })
  // A source is a publication: without a citation nobody can find it.
  .refine((v) => v.kind !== "source" || v.citation !== "", {
    error: "knowledge.citationRequired",
    path: ["citation"],
  });
export type EntryInput = z.output<typeof entrySchema>;

export function entryColumns(v: EntryInput) {
  return {
    kind: v.kind,
    title: v.title,
    summary: v.summary,
    body_md: v.bodyMd,
    citation: v.citation,
    source_url: v.sourceUrl,
    sectors: [...v.sectors],
    perspectives: [...v.perspectives],
    essentials: [...v.essentials],
    ambition_levels: v.ambitionLevels.map(Number),
    phases: v.phases.map(Number),
    theme: v.theme,
    licence: v.licence,
    language: v.language,
  };
}

const idList = () =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(
      z
        .array(z.string().refine(isId, { error: "validation.choice" }))
        .max(KNOWLEDGE_LIMITS.shares, {
          error: () => `validation.tooMany|${KNOWLEDGE_LIMITS.shares}`,
        }),
    )
    .transform((a) => [...new Set(a)]);

export const sharingSchema = z
  .object({
    visibility: z.enum(VISIBILITIES, { error: "validation.choice" }),
    regionIds: idList(),
    communityIds: idList(),
  })
  .refine((v) => v.visibility !== "shared" || v.regionIds.length + v.communityIds.length > 0, {
    error: "knowledge.shareWithWhom",
    path: ["visibility"],
  });

export const EVIDENCE_KINDS = [
  "challenge",
  "event",
  "session",
  "harvest",
  "theme",
  "action",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_COLUMN = {
  challenge: "challenge_id",
  event: "event_id",
  session: "dialogue_session_id",
  harvest: "harvest_id",
  theme: "harvest_theme_id",
  action: "action_id",
} as const satisfies Record<EvidenceKind, string>;

export const evidenceSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS, { error: "validation.choice" }),
  id: z.string().refine(isId, { error: "validation.choice" }),
  note: optionalText(KNOWLEDGE_LIMITS.note),
});

/**
 * The activity of the region an evidence row points at, held FOR SHARE until the transaction
 * ends, so it cannot be deleted between this check and the row that points at it. A harvest
 * theme belongs to the region through its harvest.
 */
export async function holdEvidence(
  tx: Reader,
  regionId: string,
  kind: EvidenceKind,
  id: string,
): Promise<{ id: string } | undefined> {
  if (kind === "theme") {
    return tx
      .selectFrom("harvest_themes as t")
      .innerJoin("harvests as h", "h.id", "t.harvest_id")
      .select("t.id")
      .where("t.id", "=", id)
      .where("h.region_id", "=", regionId)
      .forShare()
      .executeTakeFirst();
  }
  const table = {
    challenge: "challenges",
    event: "events",
    session: "dialogue_sessions",
    harvest: "harvests",
    action: "actions",
  } as const;
  return tx
    .selectFrom(table[kind])
    .select("id")
    .where("id", "=", id)
    .where("region_id", "=", regionId)
    .forShare()
    .executeTakeFirst();
}

/** A checkbox as a form sends it. */
export const checkbox = () =>
  z
    .union([z.string(), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true" || v === "1");

export const authorSchema = z.object({
  personId: z.string().refine(isId, { error: "validation.choice" }),
  consent: checkbox(),
});

export const adoptionSchema = z.object({
  tried: text(KNOWLEDGE_LIMITS.tried),
  outcome: z.enum(OUTCOMES, { error: "validation.choice" }).default("not_yet"),
  note: optionalText(KNOWLEDGE_LIMITS.note),
  adoptedOn: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), {
      error: "knowledge.dateInvalid",
    }),
});

export const resultSchema = z.object({
  outcome: z.enum(OUTCOMES, { error: "validation.choice" }),
  note: optionalText(KNOWLEDGE_LIMITS.note),
});

export const communitySchema = z.object({
  name: text(KNOWLEDGE_LIMITS.communityName),
  description: optionalText(KNOWLEDGE_LIMITS.communityDescription),
});
