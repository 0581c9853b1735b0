import { sql, type Expression, type SqlBool } from "kysely";
import { z } from "zod";
import { SECTORS, type Sector } from "../kernel/sectors.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { KINDS, ORIGINS, tagsOf, withoutNul, type Kind, type Origin } from "./types.ts";

export const CONTRIBUTIONS_PAGE_SIZE = 50;

export interface HarvestSummary {
  id: string;
  slug: string;
  title: string;
  formOpen: boolean;
  contributions: number;
  createdAt: Date;
}

export interface Harvest {
  id: string;
  slug: string;
  title: string;
  description: string;
  language: "nl" | "en";
  strategicThemes: string[];
  formOpen: boolean;
  publicationPublic: boolean;
  agendaPublic: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** The region's harvests, newest first, with how many contributions count in each. */
export async function listHarvests(scope: RegionScope): Promise<HarvestSummary[]> {
  const rows = await scope.db
    .selectFrom("harvests as h")
    .select((eb) => [
      "h.id",
      "h.slug",
      "h.title",
      "h.form_open",
      "h.created_at",
      eb
        .selectFrom("contributions as c")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("c.harvest_id", "=", "h.id")
        .where("c.merged_into_id", "is", null)
        .where("c.hidden", "=", false)
        .as("contributions"),
    ])
    .where("h.region_id", "=", scope.regionId)
    .orderBy("h.created_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    formOpen: r.form_open,
    contributions: Number(r.contributions ?? 0),
    createdAt: new Date(r.created_at),
  }));
}

/** One harvest of the scope's region; null for another region's or a malformed id. */
export async function findHarvest(scope: RegionScope, id: unknown): Promise<Harvest | null> {
  if (!isId(id)) return null;
  const r = await scope.db
    .selectFrom("harvests")
    .selectAll()
    .where("region_id", "=", scope.regionId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    language: r.language,
    strategicThemes: tagsOf(r.strategic_themes),
    formOpen: r.form_open,
    publicationPublic: r.publication_public,
    agendaPublic: r.agenda_public,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

/** Filters of the contributions list, read leniently from a query string: unknown values are dropped. */
export interface ContributionFilters {
  q: string;
  kind: Kind | "";
  sector: Sector | "none" | "";
  origin: Origin | "";
  /** A theme of the harvest by id, "none" for contributions in no theme yet, "" for all. */
  theme: string;
  /** The theme of the dialogue template (or the import's theme column) it came from. */
  sourceTheme: string;
  tag: string;
  hidden: "visible" | "hidden" | "all";
}

const filterSchema = z.object({
  q: z.string().transform(withoutNul).pipe(z.string().trim().max(200)).catch(""),
  kind: z.enum(KINDS).or(z.literal("")).catch(""),
  sector: z
    .enum(SECTORS)
    .or(z.enum(["none", ""]))
    .catch(""),
  origin: z.enum(ORIGINS).or(z.literal("")).catch(""),
  theme: z
    .string()
    .refine((v) => v === "" || v === "none" || isId(v))
    .catch(""),
  sourceTheme: z.string().transform(withoutNul).pipe(z.string().trim().max(200)).catch(""),
  tag: z.string().transform(withoutNul).pipe(z.string().trim().max(60)).catch(""),
  hidden: z.enum(["visible", "hidden", "all"]).catch("visible"),
});

export function parseContributionFilters(params: URLSearchParams): ContributionFilters {
  return filterSchema.parse({
    q: params.get("q") ?? "",
    kind: params.get("kind") ?? "",
    sector: params.get("sector") ?? "",
    origin: params.get("origin") ?? "",
    theme: params.get("theme") ?? "",
    sourceTheme: params.get("sourceTheme") ?? "",
    tag: params.get("tag") ?? "",
    hidden: params.get("hidden") ?? "visible",
  });
}

export const NO_FILTERS: ContributionFilters = {
  q: "",
  kind: "",
  sector: "",
  origin: "",
  theme: "",
  sourceTheme: "",
  tag: "",
  hidden: "visible",
};

export function isFiltered(f: ContributionFilters): boolean {
  return (
    f.q !== "" ||
    f.kind !== "" ||
    f.sector !== "" ||
    f.origin !== "" ||
    f.theme !== "" ||
    f.sourceTheme !== "" ||
    f.tag !== "" ||
    f.hidden !== "visible"
  );
}

/** The text a user typed, as a literal inside an ILIKE pattern. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, "\\$&")}%`;
}

export interface ContributionRow {
  id: string;
  text: string;
  kind: Kind;
  origin: Origin;
  sector: Sector | null;
  sourceLabel: string;
  sourceTheme: string;
  sourceSessionId: string | null;
  tags: string[];
  hidden: boolean;
  theme: { id: string; label: string } | null;
  /** The texts merged into this one: they count no more on their own, but stay readable here. */
  merged: { id: string; text: string }[];
  createdAt: Date;
}

type Raw = {
  id: string;
  text: string;
  kind: string;
  origin: string;
  sector: string | null;
  source_label: string;
  source_theme: string;
  source_session_id: string | null;
  tags: unknown;
  hidden: boolean;
  theme_id: string | null;
  theme_label: string | null;
  created_at: Date;
};

const rowColumns = [
  "c.id",
  "c.text",
  "c.kind",
  "c.origin",
  "c.sector",
  "c.source_label",
  "c.source_theme",
  "c.source_session_id",
  "c.tags",
  "c.hidden",
  "c.theme_id",
  "t.label as theme_label",
  "c.created_at",
] as const;

function toRow(r: Raw, merged: { id: string; text: string }[]): ContributionRow {
  return {
    id: r.id,
    text: r.text,
    kind: r.kind as Kind,
    origin: r.origin as Origin,
    sector: r.sector as Sector | null,
    sourceLabel: r.source_label,
    sourceTheme: r.source_theme,
    sourceSessionId: r.source_session_id,
    tags: tagsOf(r.tags),
    hidden: r.hidden,
    theme: r.theme_id && r.theme_label !== null ? { id: r.theme_id, label: r.theme_label } : null,
    merged,
    createdAt: new Date(r.created_at),
  };
}

function contributionsQuery(scope: RegionScope, harvestId: string, f: ContributionFilters) {
  return scope.db
    .selectFrom("contributions as c")
    .leftJoin("harvest_themes as t", "t.id", "c.theme_id")
    .where("c.region_id", "=", scope.regionId)
    .where("c.harvest_id", "=", harvestId)
    .where("c.merged_into_id", "is", null)
    .where((eb) => {
      const conditions: Expression<SqlBool>[] = [];
      if (f.q) conditions.push(eb("c.text", "ilike", likePattern(f.q)));
      if (f.kind) conditions.push(eb("c.kind", "=", f.kind));
      if (f.sector === "none") conditions.push(eb("c.sector", "is", null));
      else if (f.sector) conditions.push(eb("c.sector", "=", f.sector));
      if (f.origin) conditions.push(eb("c.origin", "=", f.origin));
      if (f.theme === "none") conditions.push(eb("c.theme_id", "is", null));
      else if (f.theme) conditions.push(eb("c.theme_id", "=", f.theme));
      if (f.sourceTheme) conditions.push(eb("c.source_theme", "=", f.sourceTheme));
      if (f.tag) conditions.push(sql<SqlBool>`c.tags @> ${JSON.stringify([f.tag])}::jsonb`);
      if (f.hidden === "visible") conditions.push(eb("c.hidden", "=", false));
      else if (f.hidden === "hidden") conditions.push(eb("c.hidden", "=", true));
      return eb.and(conditions);
    });
}

async function mergedInto(scope: RegionScope, ids: string[]) {
  const byTarget = new Map<string, { id: string; text: string }[]>();
  if (ids.length === 0) return byTarget;
  const rows = await scope.db
    .selectFrom("contributions")
    .select(["id", "text", "merged_into_id"])
    .where("region_id", "=", scope.regionId)
    .where("merged_into_id", "in", ids)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  for (const r of rows) {
    const list = byTarget.get(r.merged_into_id!) ?? [];
    list.push({ id: r.id, text: r.text });
    byTarget.set(r.merged_into_id!, list);
  }
  return byTarget;
}

/** One page of a harvest's contributions that the filters match, oldest first. */
export async function listContributions(
  scope: RegionScope,
  harvestId: string,
  filters: ContributionFilters,
  page = 1,
): Promise<{ contributions: ContributionRow[]; total: number; page: number; pageCount: number }> {
  if (!isId(harvestId)) return { contributions: [], total: 0, page: 1, pageCount: 1 };
  const counted = await contributionsQuery(scope, harvestId, filters)
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirst();
  const total = Number(counted?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / CONTRIBUTIONS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await contributionsQuery(scope, harvestId, filters)
    .select(rowColumns)
    .orderBy("c.created_at")
    .orderBy("c.id")
    .limit(CONTRIBUTIONS_PAGE_SIZE)
    .offset((current - 1) * CONTRIBUTIONS_PAGE_SIZE)
    .execute();
  const merged = await mergedInto(
    scope,
    rows.map((r) => r.id),
  );
  return {
    contributions: rows.map((r) => toRow(r, merged.get(r.id) ?? [])),
    total,
    page: current,
    pageCount,
  };
}

/** Every contribution the filters match, for the export; at most 100,000. */
export async function listContributionsForExport(
  scope: RegionScope,
  harvestId: string,
  filters: ContributionFilters,
): Promise<ContributionRow[]> {
  if (!isId(harvestId)) return [];
  const rows = await contributionsQuery(scope, harvestId, filters)
    .select(rowColumns)
    .orderBy("c.created_at")
    .orderBy("c.id")
    .limit(100_000)
    .execute();
  const merged = new Map<string, { id: string; text: string }[]>();
  for (let i = 0; i < rows.length; i += 1000) {
    const part = await mergedInto(
      scope,
      rows.slice(i, i + 1000).map((r) => r.id),
    );
    for (const [k, v] of part) merged.set(k, v);
  }
  return rows.map((r) => toRow(r, merged.get(r.id) ?? []));
}

/** One contribution of a harvest of the scope's region (also a merged one), or null. */
export async function findContribution(
  scope: RegionScope,
  harvestId: string,
  id: unknown,
): Promise<(ContributionRow & { mergedIntoId: string | null }) | null> {
  if (!isId(harvestId) || !isId(id)) return null;
  const r = await scope.db
    .selectFrom("contributions as c")
    .leftJoin("harvest_themes as t", "t.id", "c.theme_id")
    .select(rowColumns)
    .select("c.merged_into_id")
    .where("c.region_id", "=", scope.regionId)
    .where("c.harvest_id", "=", harvestId)
    .where("c.id", "=", id)
    .executeTakeFirst();
  if (!r) return null;
  const merged = await mergedInto(scope, [r.id]);
  return { ...toRow(r, merged.get(r.id) ?? []), mergedIntoId: r.merged_into_id };
}

export interface ContributionCounts {
  /** Contributions that count: not hidden, not merged into another. */
  total: number;
  hidden: number;
  byKind: Record<Kind, number>;
  /** Per sector; `none` for contributions without one. */
  bySector: Record<Sector | "none", number>;
  byOrigin: Record<Origin, number>;
}

/**
 * The figures of a harvest: by kind, sector and origin. A merged contribution counts once, as
 * the one it was merged into; hidden contributions count in no figure except `hidden`.
 */
export async function contributionCounts(
  scope: RegionScope,
  harvestId: string,
): Promise<ContributionCounts> {
  const counts: ContributionCounts = {
    total: 0,
    hidden: 0,
    byKind: Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>,
    bySector: Object.fromEntries([...SECTORS, "none"].map((s) => [s, 0])) as Record<
      Sector | "none",
      number
    >,
    byOrigin: Object.fromEntries(ORIGINS.map((o) => [o, 0])) as Record<Origin, number>,
  };
  if (!isId(harvestId)) return counts;
  const rows = await scope.db
    .selectFrom("contributions")
    .select((eb) => ["kind", "sector", "origin", "hidden", eb.fn.countAll<string>().as("n")])
    .where("region_id", "=", scope.regionId)
    .where("harvest_id", "=", harvestId)
    .where("merged_into_id", "is", null)
    .groupBy(["kind", "sector", "origin", "hidden"])
    .execute();
  for (const r of rows) {
    const n = Number(r.n);
    if (r.hidden) {
      counts.hidden += n;
      continue;
    }
    counts.total += n;
    counts.byKind[r.kind as Kind] += n;
    const sector = (r.sector ?? "none") as Sector | "none";
    counts.bySector[sector] = (counts.bySector[sector] ?? 0) + n;
    counts.byOrigin[r.origin as Origin] += n;
  }
  return counts;
}

/** What the filters of the list can choose from: the harvest's themes, source themes and tags. */
export async function contributionFilterOptions(scope: RegionScope, harvestId: string) {
  if (!isId(harvestId)) return { themes: [], sourceThemes: [], tags: [] };
  const [themes, sourceThemes, tags] = await Promise.all([
    scope.db
      .selectFrom("harvest_themes as t")
      .innerJoin("harvests as h", "h.id", "t.harvest_id")
      .select(["t.id", "t.label"])
      .where("h.region_id", "=", scope.regionId)
      .where("t.harvest_id", "=", harvestId)
      .orderBy("t.position")
      .orderBy("t.label")
      .execute(),
    scope.db
      .selectFrom("contributions")
      .select("source_theme")
      .distinct()
      .where("region_id", "=", scope.regionId)
      .where("harvest_id", "=", harvestId)
      .where("source_theme", "<>", "")
      .orderBy("source_theme")
      .limit(200)
      .execute(),
    sql<{ tag: string }>`
      SELECT DISTINCT jsonb_array_elements_text(tags) AS tag
      FROM contributions
      WHERE region_id = ${scope.regionId} AND harvest_id = ${harvestId}
        AND jsonb_typeof(tags) = 'array'
      ORDER BY tag
      LIMIT 500`.execute(scope.db),
  ]);
  return {
    themes,
    sourceThemes: sourceThemes.map((r) => r.source_theme),
    tags: tags.rows.map((r) => r.tag),
  };
}
