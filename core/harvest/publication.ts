import type { Reader } from "../kernel/tx.ts";
import type { ContributionKind, ContributionOrigin, Locale } from "../../db/schema.ts";
import { may, type RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { harvestPolicy } from "./policy.ts";

/**
 * The publication of a harvest: the organiser's title and introduction, per curated theme its
 * summary and the quotes they chose, the figures, and every contribution in an appendix. One
 * model feeds the web page, the Word document and the PDF, so the three always say the same.
 * Only visible contributions that were not merged into another count and appear.
 */

export interface PublicationContribution {
  id: string;
  text: string;
  kind: ContributionKind;
  sector: string | null;
  origin: ContributionOrigin;
  source: string;
}

export interface Count<K> {
  key: K;
  count: number;
}

export interface PublicationTheme {
  id: string;
  label: string;
  strategicTheme: string;
  summary: string;
  quotes: PublicationContribution[];
  count: number;
  sectorMix: Count<string | null>[];
}

export interface AppendixGroup {
  /** null: the contributions that belong to no theme. */
  themeId: string | null;
  label: string;
  contributions: PublicationContribution[];
}

export interface PublicationModel {
  lang: Locale;
  harvest: {
    id: string;
    slug: string;
    title: string;
    language: Locale;
    publicationPublic: boolean;
    agendaPublic: boolean;
  };
  region: { id: string; slug: string; name: string };
  /** The organiser's publication title, or the harvest's title while they gave none. */
  title: string;
  introduction: string;
  /** When the model was read (ISO), for the title page. */
  date: string;
  themes: PublicationTheme[];
  figures: {
    total: number;
    themed: number;
    byKind: Count<ContributionKind>[];
    bySector: Count<string | null>[];
    byOrigin: Count<ContributionOrigin>[];
    /** Distinct readable sources (sessions, questions, forms). */
    sources: number;
  };
  appendix: AppendixGroup[];
}

const KIND_ORDER: ContributionKind[] = ["dream", "dilemma", "idea", "question", "other"];
const ORIGIN_ORDER: ContributionOrigin[] = ["answer", "group_note", "form", "import", "manual"];

/** Counts sorted from most to least, ties by key; the unknown (null) last. */
function counted<K extends string | null>(map: Map<K, number>, order?: readonly K[]): Count<K>[] {
  const rows = [...map].map(([key, count]) => ({ key, count }));
  if (order) return rows.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  return rows.sort((a, b) =>
    a.key === null
      ? 1
      : b.key === null
        ? -1
        : b.count - a.count || String(a.key).localeCompare(String(b.key)),
  );
}

function bump<K>(map: Map<K, number>, key: K) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export type HarvestRow = {
  id: string;
  region_id: string;
  slug: string;
  title: string;
  language: Locale;
  publication_title: string;
  introduction: string;
  publication_public: boolean;
  agenda_public: boolean;
  region_slug: string;
  region_name: string;
};

export function harvestQuery(db: Reader) {
  return db
    .selectFrom("harvests as h")
    .innerJoin("regions as r", "r.id", "h.region_id")
    .select([
      "h.id",
      "h.region_id",
      "h.slug",
      "h.title",
      "h.language",
      "h.publication_title",
      "h.introduction",
      "h.publication_public",
      "h.agenda_public",
      "r.slug as region_slug",
      "r.name as region_name",
    ]);
}

/** Reads everything in three queries: themes, quotes and all visible contributions. */
export async function buildModel(
  db: Reader,
  h: HarvestRow,
  lang: Locale,
): Promise<PublicationModel> {
  const [themes, quotes, contributions] = await Promise.all([
    db
      .selectFrom("harvest_themes")
      .select(["id", "label", "summary", "strategic_theme"])
      .where("harvest_id", "=", h.id)
      .orderBy("position")
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("harvest_quotes as q")
      .innerJoin("harvest_themes as t", "t.id", "q.theme_id")
      .select(["q.theme_id", "q.contribution_id"])
      .where("t.harvest_id", "=", h.id)
      .orderBy("q.position")
      .orderBy("q.contribution_id")
      .execute(),
    db
      .selectFrom("contributions")
      .select(["id", "text", "kind", "sector", "origin", "source_label", "theme_id"])
      .where("harvest_id", "=", h.id)
      .where("region_id", "=", h.region_id)
      .where("hidden", "=", false)
      .where("merged_into_id", "is", null)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
  ]);

  const byTheme = new Map<string | null, PublicationContribution[]>();
  const byId = new Map<string, { c: PublicationContribution; themeId: string | null }>();
  const kinds = new Map<ContributionKind, number>();
  const sectors = new Map<string | null, number>();
  const origins = new Map<ContributionOrigin, number>();
  const sources = new Set<string>();
  const themeIds = new Set(themes.map((t) => t.id));
  for (const row of contributions) {
    const c: PublicationContribution = {
      id: row.id,
      text: row.text,
      kind: row.kind,
      sector: row.sector,
      origin: row.origin,
      source: row.source_label,
    };
    // A theme id of another harvest cannot happen through the app; treat it as no theme.
    const themeId = row.theme_id && themeIds.has(row.theme_id) ? row.theme_id : null;
    let list = byTheme.get(themeId);
    if (!list) byTheme.set(themeId, (list = []));
    list.push(c);
    byId.set(c.id, { c, themeId });
    bump(kinds, c.kind);
    bump(sectors, c.sector);
    bump(origins, c.origin);
    if (c.source) sources.add(c.source);
  }

  const quotesOf = new Map<string, PublicationContribution[]>();
  for (const q of quotes) {
    const found = byId.get(q.contribution_id);
    // A quote whose contribution was hidden, merged or moved to another theme is not shown.
    if (!found || found.themeId !== q.theme_id) continue;
    let list = quotesOf.get(q.theme_id);
    if (!list) quotesOf.set(q.theme_id, (list = []));
    list.push(found.c);
  }

  const modelThemes: PublicationTheme[] = themes.map((t) => {
    const list = byTheme.get(t.id) ?? [];
    const mix = new Map<string | null, number>();
    for (const c of list) bump(mix, c.sector);
    return {
      id: t.id,
      label: t.label,
      strategicTheme: t.strategic_theme,
      summary: t.summary,
      quotes: quotesOf.get(t.id) ?? [],
      count: list.length,
      sectorMix: counted(mix),
    };
  });

  const appendix: AppendixGroup[] = modelThemes
    .filter((t) => t.count > 0)
    .map((t) => ({ themeId: t.id, label: t.label, contributions: byTheme.get(t.id)! }));
  const unthemed = byTheme.get(null) ?? [];
  if (unthemed.length > 0) appendix.push({ themeId: null, label: "", contributions: unthemed });

  return {
    lang,
    harvest: {
      id: h.id,
      slug: h.slug,
      title: h.title,
      language: h.language,
      publicationPublic: h.publication_public,
      agendaPublic: h.agenda_public,
    },
    region: { id: h.region_id, slug: h.region_slug, name: h.region_name },
    title: h.publication_title.trim() || h.title,
    introduction: h.introduction,
    date: new Date().toISOString(),
    themes: modelThemes,
    figures: {
      total: contributions.length,
      themed: contributions.length - unthemed.length,
      byKind: counted(kinds, KIND_ORDER),
      bySector: counted(sectors),
      byOrigin: counted(origins, ORIGIN_ORDER),
      sources: sources.size,
    },
    appendix,
  };
}

/** The publication as the organiser sees it; null for a harvest of another region. */
export async function publicationModel(
  scope: RegionScope,
  harvestId: string,
  lang: Locale,
): Promise<PublicationModel | null> {
  if (!may(scope, harvestPolicy.manage) || !isId(harvestId)) return null;
  const h = await harvestQuery(scope.db)
    .where("h.id", "=", harvestId)
    .where("h.region_id", "=", scope.regionId)
    .executeTakeFirst();
  return h ? buildModel(scope.db, h, lang) : null;
}

/** The region's look for the documents: its colour, name and logo (PNG or JPEG only). */
export interface PublicationLook {
  regionName: string;
  color: string;
  logo: { data: Uint8Array; type: "png" | "jpg" } | null;
}

export async function publicationLook(db: Reader, regionId: string): Promise<PublicationLook> {
  const r = await db
    .selectFrom("regions")
    .select(["name", "primary_color", "logo", "logo_mime"])
    .where("id", "=", regionId)
    .executeTakeFirstOrThrow();
  const type = r.logo_mime === "image/png" ? "png" : r.logo_mime === "image/jpeg" ? "jpg" : null;
  return {
    regionName: r.name,
    color: r.primary_color,
    logo: r.logo && type ? { data: r.logo, type } : null,
  };
}
