import { z } from "zod";
import type { Role } from "../../../db/schema.ts";
import { withRow, type RegionRow } from "../../kernel/guard.ts";
import type { Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import type { Reader, Tx } from "../../kernel/tx.ts";
import { id } from "../../kernel/validate.ts";

/**
 * The themes of a harvest, for organisers. The platform proposes themes by grouping the
 * contributions (core/textGrouping); the organiser accepts, renames, merges, splits and moves. A
 * theme is 'proposed' until a person does anything to it, then 'curated' (`touched`, curate.ts);
 * a contribution the organiser placed by hand is `theme_locked`.
 *
 * This folder is the one writer of `harvest_themes`, `harvest_quotes` and `action_sources`: they
 * change together (merging a theme carries its quotes and action links along, proposing again
 * replaces what no one touched), always under the harvest's row lock, so two changes to the themes
 * of one harvest never interleave.
 */

export const THEME_LABEL_MAX = 200;
export const THEME_SUMMARY_MAX = 20_000;
/** Contributions shown per theme in the overview unless one theme is opened in full. */
export const OVERVIEW_LIMIT = 50;

export interface ThemeHarvest {
  id: string;
  slug: string;
  title: string;
  language: "nl" | "en";
  strategicThemes: string[];
}

function strategicThemesOf(value: unknown): string[] {
  const list = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(list)
    ? list.filter((s): s is string => typeof s === "string" && s.trim() !== "")
    : [];
}

export function themeHarvestOf(h: RegionRow<"harvests">): ThemeHarvest {
  return {
    id: h.id,
    slug: h.slug,
    title: h.title,
    language: h.language,
    strategicThemes: strategicThemesOf(h.strategic_themes),
  };
}

/**
 * A change to the themes of a harvest of the scope's region: the guard with the harvest's row
 * locked, so every read-then-write on its themes, quotes and links sees no other change between.
 */
export function withThemes<R>(
  scope: RegionScope,
  role: Role,
  harvestId: unknown,
  work: (tx: Tx, harvest: ThemeHarvest) => Promise<Result<R>>,
): Promise<Result<R>> {
  return withRow(scope, { role, table: "harvests", id: harvestId, lock: true }, (tx, row) =>
    work(tx, themeHarvestOf(row)),
  );
}

/** The harvest's themes in their order (position, then age, then id); select the columns. */
export function orderedThemes(db: Reader, harvestId: string) {
  return db
    .selectFrom("harvest_themes")
    .where("harvest_id", "=", harvestId)
    .orderBy("position")
    .orderBy("created_at")
    .orderBy("id");
}

export interface ThemeRow {
  id: string;
  label: string;
  summary: string;
  strategic_theme: string;
  position: number;
  origin: "proposed" | "curated";
}

/** The harvest's themes by id, all of them, or null when one is not the harvest's. */
export async function themesOf(
  tx: Tx,
  harvestId: string,
  ids: string[],
): Promise<ThemeRow[] | null> {
  if (ids.length === 0) return [];
  const rows = await tx
    .selectFrom("harvest_themes")
    .select(["id", "label", "summary", "strategic_theme", "position", "origin"])
    .where("harvest_id", "=", harvestId)
    .where("id", "in", ids)
    .execute();
  return rows.length === new Set(ids).size ? rows : null;
}

/** A theme named in a form; a tampered id is "not found", never a message to correct. */
export const themeRef = z.object({ themeId: id() });

export const idList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(z.array(id()).max(10_000));
