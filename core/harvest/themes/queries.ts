import { sql } from "kysely";
import { SECTORS, type Sector } from "../../kernel/sectors.ts";
import { may, type RegionScope } from "../../kernel/scope.ts";
import { isId } from "../../kernel/validate.ts";
import { harvestPolicy } from "../policy.ts";
import { OVERVIEW_LIMIT, orderedThemes, themeHarvestOf, type ThemeHarvest } from "./harvest.ts";

/** The harvest for a page, without a lock; null when the scope may not reach it. */
export async function findThemeHarvest(
  scope: RegionScope,
  harvestId: string,
): Promise<ThemeHarvest | null> {
  if (!may(scope, harvestPolicy.manage) || !isId(harvestId)) return null;
  const row = await scope.db
    .selectFrom("harvests")
    .selectAll()
    .where("id", "=", harvestId)
    .where("region_id", "=", scope.regionId)
    .executeTakeFirst();
  return row ? themeHarvestOf(row) : null;
}

export interface SectorCount {
  /** null: no sector known. */
  sector: Sector | null;
  count: number;
}

export interface ThemeContribution {
  id: string;
  text: string;
  sector: Sector | null;
  locked: boolean;
}

export interface ThemeView {
  id: string;
  label: string;
  origin: "proposed" | "curated";
  summary: string;
  strategicTheme: string;
  position: number;
  /** Visible, unmerged contributions in the theme. */
  count: number;
  sectors: SectorCount[];
  /** The first contributions (all of them for the theme opened in full). */
  contributions: ThemeContribution[];
}

export interface ThemeOverview {
  harvest: ThemeHarvest;
  themes: ThemeView[];
  /** The contributions in no theme (id ""). */
  unthemed: Omit<ThemeView, "id" | "label" | "origin" | "summary" | "strategicTheme" | "position">;
  /** Visible, unmerged contributions of the harvest. */
  total: number;
}

const SECTOR_ORDER = new Map<string, number>(SECTORS.map((s, i) => [s, i]));

function sectorOf(value: string | null): Sector | null {
  return value !== null && SECTOR_ORDER.has(value) ? (value as Sector) : null;
}

/**
 * Per theme, in order: its label, origin, count, sector mix, strategic theme and its first
 * contributions (`limit`, or all of them for the theme `open`, "none" for no theme), and the same for the
 * contributions in no theme. Only visible contributions that were not merged count.
 */
export async function themeOverview(
  scope: RegionScope,
  harvestId: string,
  options: { limit?: number; open?: string } = {},
): Promise<ThemeOverview | null> {
  const harvest = await findThemeHarvest(scope, harvestId);
  if (!harvest) return null;
  const limit = Math.max(0, options.limit ?? OVERVIEW_LIMIT);
  const open = options.open === "none" || isId(options.open) ? options.open : null;
  const themes = await orderedThemes(scope.db, harvest.id)
    .select(["id", "label", "origin", "summary", "strategic_theme", "position"])
    .execute();
  const counted = scope.db
    .selectFrom("contributions")
    .where("harvest_id", "=", harvest.id)
    .where("region_id", "=", scope.regionId)
    .where("hidden", "=", false)
    .where("merged_into_id", "is", null);
  const mix = await counted
    .select(["theme_id", "sector", (eb) => eb.fn.countAll<string>().as("n")])
    .groupBy(["theme_id", "sector"])
    .execute();
  const ranked = counted
    .select([
      "id",
      "text",
      "sector",
      "theme_id",
      "theme_locked",
      sql<number>`row_number() OVER (PARTITION BY theme_id ORDER BY created_at, id)`.as("rank"),
    ])
    .as("r");
  const shown = await scope.db
    .selectFrom(ranked)
    .selectAll()
    .where((eb) =>
      open ? eb.or([eb("rank", "<=", limit), eb("theme_id", "=", open)]) : eb("rank", "<=", limit),
    )
    .orderBy("rank")
    .execute();

  const empty = () => ({
    count: 0,
    sectors: [] as SectorCount[],
    contributions: [] as ThemeContribution[],
  });
  const byTheme = new Map<string, ReturnType<typeof empty>>();
  const slot = (themeId: string | null) => {
    const key = themeId ?? "";
    let s = byTheme.get(key);
    if (!s) byTheme.set(key, (s = empty()));
    return s;
  };
  let total = 0;
  for (const m of mix) {
    const n = Number(m.n);
    total += n;
    const s = slot(m.theme_id);
    s.count += n;
    const sector = sectorOf(m.sector);
    const existing = s.sectors.find((x) => x.sector === sector);
    if (existing) existing.count += n;
    else s.sectors.push({ sector, count: n });
  }
  for (const s of byTheme.values())
    s.sectors.sort(
      (a, b) =>
        b.count - a.count ||
        (SECTOR_ORDER.get(a.sector ?? "") ?? 99) - (SECTOR_ORDER.get(b.sector ?? "") ?? 99),
    );
  for (const r of shown)
    slot(r.theme_id).contributions.push({
      id: r.id,
      text: r.text,
      sector: sectorOf(r.sector),
      locked: r.theme_locked,
    });

  return {
    harvest,
    themes: themes.map((t) => ({
      id: t.id,
      label: t.label,
      origin: t.origin,
      summary: t.summary,
      strategicTheme: t.strategic_theme,
      position: t.position,
      ...(byTheme.get(t.id) ?? empty()),
    })),
    unthemed: byTheme.get("") ?? empty(),
    total,
  };
}

/**
 * The contributions behind one theme (a paragraph of the publication), with their place in
 * the publication: quoted or not.
 */
export async function themeContributions(scope: RegionScope, harvestId: string, themeId: string) {
  const harvest = await findThemeHarvest(scope, harvestId);
  if (!harvest || !isId(themeId)) return null;
  const theme = await scope.db
    .selectFrom("harvest_themes")
    .select("id")
    .where("id", "=", themeId)
    .where("harvest_id", "=", harvest.id)
    .executeTakeFirst();
  if (!theme) return null;
  const [info, rows] = await Promise.all([
    scope.db
      .selectFrom("harvest_themes as t")
      .innerJoin("harvests as h", "h.id", "t.harvest_id")
      .select(["t.id", "t.label", "t.summary", "h.id as harvest_id", "h.title as harvest_title"])
      .where("t.id", "=", theme.id)
      .executeTakeFirstOrThrow(),
    scope.db
      .selectFrom("contributions as c")
      .leftJoin("harvest_quotes as q", (j) =>
        j.onRef("q.contribution_id", "=", "c.id").onRef("q.theme_id", "=", "c.theme_id"),
      )
      .select([
        "c.id",
        "c.text",
        "c.kind",
        "c.sector",
        "c.origin",
        "c.source_label",
        sql<boolean>`q.contribution_id is not null`.as("quoted"),
      ])
      .where("c.theme_id", "=", theme.id)
      .where("c.region_id", "=", scope.regionId)
      .where("c.hidden", "=", false)
      .where("c.merged_into_id", "is", null)
      .orderBy("c.created_at")
      .orderBy("c.id")
      .execute(),
  ]);
  return {
    theme: { id: info.id, label: info.label, summary: info.summary },
    harvest: { id: info.harvest_id, title: info.harvest_title },
    contributions: rows,
  };
}
