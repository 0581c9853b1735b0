import { randomUUID } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema.ts";
import { SECTORS, type Sector } from "../kernel/sectors.ts";
import { forbidden, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { id, isId, optionalText, text, validate } from "../kernel/validate.ts";
import { groupTexts, OTHER_GROUP } from "../textGrouping/index.ts";

/**
 * The themes of a harvest, for organisers. The platform proposes themes by grouping the
 * contributions (`grouping.ts`); the organiser accepts, renames, merges, splits and moves. A theme
 * is 'proposed' until the organiser does anything to it, then 'curated'; a contribution the
 * organiser placed by hand is `theme_locked`.
 *
 * Proposing again groups only the visible, unmerged contributions that are neither locked nor in a
 * curated theme, and replaces only the proposed themes: curated themes and placed contributions
 * stay exactly as they are, however often it runs.
 *
 * Every function takes the scope first, finds the harvest in the scope's region (another region's
 * harvest, theme or contribution is "not found"), and runs in a transaction that locks the
 * harvest's row, so two changes to the themes of one harvest never interleave.
 */

export const THEME_LABEL_MAX = 200;
export const THEME_SUMMARY_MAX = 20_000;
/** Contributions shown per theme in the overview unless one theme is opened in full. */
export const OVERVIEW_LIMIT = 50;

type Trx = Transaction<Database>;

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

/** The query for the harvest `harvestId` in the scope's region. */
function selectHarvest(db: Kysely<Database>, scope: RegionScope, harvestId: string) {
  return db
    .selectFrom("harvests")
    .select(["id", "slug", "title", "language", "strategic_themes"])
    .where("id", "=", harvestId)
    .where("region_id", "=", scope.regionId);
}

type HarvestRow = Awaited<ReturnType<ReturnType<typeof selectHarvest>["executeTakeFirst"]>>;

function toThemeHarvest(h: HarvestRow): ThemeHarvest | null {
  return h
    ? {
        id: h.id,
        slug: h.slug,
        title: h.title,
        language: h.language,
        strategicThemes: strategicThemesOf(h.strategic_themes),
      }
    : null;
}

/** The harvest in the scope's region, its row locked for the rest of the transaction. */
async function lockHarvest(
  trx: Trx,
  scope: RegionScope,
  harvestId: string,
): Promise<ThemeHarvest | null> {
  return toThemeHarvest(await selectHarvest(trx, scope, harvestId).forUpdate().executeTakeFirst());
}

/**
 * Runs `work` for an organiser (or admin) on a harvest of the scope's region, in a transaction
 * holding the harvest's lock. A malformed id or another region's harvest is "not found".
 */
async function withHarvest<T>(
  scope: RegionScope,
  harvestId: string,
  work: (trx: Trx, harvest: ThemeHarvest) => Promise<Result<T>>,
): Promise<Result<T>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!isId(harvestId)) return notFound();
  return scope.db.transaction().execute(async (trx) => {
    const harvest = await lockHarvest(trx, scope, harvestId);
    if (!harvest) return notFound();
    return work(trx, harvest);
  });
}

/** The harvest for a page, without a lock; null when the scope may not reach it. */
export async function findThemeHarvest(
  scope: RegionScope,
  harvestId: string,
): Promise<ThemeHarvest | null> {
  if (!hasRole(scope.role, "organiser") || !isId(harvestId)) return null;
  return toThemeHarvest(await selectHarvest(scope.db, scope, harvestId).executeTakeFirst());
}

/** The harvest's themes in their order (position, then age, then id); select the columns. */
function orderedThemes(db: Kysely<Database>, harvestId: string) {
  return db
    .selectFrom("harvest_themes")
    .where("harvest_id", "=", harvestId)
    .orderBy("position")
    .orderBy("created_at")
    .orderBy("id");
}

interface ThemeRow {
  id: string;
  label: string;
  summary: string;
  strategic_theme: string;
  position: number;
  origin: "proposed" | "curated";
}

/** The harvest's themes by id, all of them or failing as "not found". */
async function themesOf(trx: Trx, harvestId: string, ids: string[]): Promise<ThemeRow[] | null> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom("harvest_themes")
    .select(["id", "label", "summary", "strategic_theme", "position", "origin"])
    .where("harvest_id", "=", harvestId)
    .where("id", "in", ids)
    .execute();
  return rows.length === new Set(ids).size ? rows : null;
}

async function curate(trx: Trx, themeIds: string[]) {
  if (themeIds.length === 0) return;
  await trx
    .updateTable("harvest_themes")
    .set({ origin: "curated", updated_at: new Date() })
    .where("id", "in", themeIds)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Proposing

export interface ProposeOutcome {
  /** Proposed themes made (the "other" theme included). */
  proposed: number;
  /** Contributions grouped into them. */
  grouped: number;
  /** Curated themes left as they were. */
  curated: number;
}

/**
 * Groups the contributions that are free to move (visible, not merged, not placed by hand, not in
 * a curated theme) and replaces the proposed themes with the outcome. Curated themes and placed
 * contributions are never touched.
 */
export async function proposeThemes(
  scope: RegionScope,
  harvestId: string,
  options: { k?: number } = {},
): Promise<Result<ProposeOutcome>> {
  return withHarvest(scope, harvestId, async (trx, harvest) => {
    const rows = await trx
      .selectFrom("contributions as c")
      .leftJoin("harvest_themes as t", "t.id", "c.theme_id")
      .select(["c.id", "c.text", "c.theme_locked", "t.origin"])
      .where("c.harvest_id", "=", harvest.id)
      .where("c.region_id", "=", scope.regionId)
      .where("c.hidden", "=", false)
      .where("c.merged_into_id", "is", null)
      .orderBy("c.created_at")
      .orderBy("c.id")
      .execute();
    const free = rows.filter((r) => !r.theme_locked && r.origin !== "curated");

    const curated = await trx
      .selectFrom("harvest_themes")
      .select(["label", "position"])
      .where("harvest_id", "=", harvest.id)
      .where("origin", "=", "curated")
      .execute();
    const old = await trx
      .selectFrom("harvest_themes")
      .select("id")
      .where("harvest_id", "=", harvest.id)
      .where("origin", "=", "proposed")
      .execute();
    // The old proposal goes last, once no free contribution points at it any more: one write per
    // contribution instead of two. Hidden and merged ones in it lose their theme (ON DELETE SET NULL).
    const dropOld = async () => {
      if (old.length > 0)
        await trx
          .deleteFrom("harvest_themes")
          .where(
            "id",
            "in",
            old.map((o) => o.id),
          )
          .execute();
    };
    if (free.length === 0) {
      await dropOld();
      return ok({ proposed: 0, grouped: 0, curated: curated.length });
    }

    const { groups } = groupTexts(free, { language: harvest.language, k: options.k });
    // A proposal never takes a curated theme's name: "stage" beside a curated "Stage" is "stage (2)".
    const taken = new Set(curated.map((c) => c.label.toLowerCase()));
    let position = curated.reduce((m, c) => Math.max(m, c.position), -1) + 1;
    const themes = groups.map((g) => {
      const base = g.other ? OTHER_GROUP[harvest.language] : g.label;
      let label = base;
      for (let i = 2; taken.has(label.toLowerCase()); i++) label = `${base} (${i})`;
      taken.add(label.toLowerCase());
      return {
        id: randomUUID(),
        harvest_id: harvest.id,
        label: label.slice(0, THEME_LABEL_MAX),
        position: position++,
        origin: "proposed" as const,
        ids: g.ids,
      };
    });
    await trx
      .insertInto("harvest_themes")
      .values(themes.map(({ ids: _ids, ...t }) => t))
      .execute();
    const contributionIds = themes.flatMap((t) => t.ids);
    const themeIds = themes.flatMap((t) => t.ids.map(() => t.id));
    await sql`
      UPDATE contributions AS c SET theme_id = v.theme_id
      FROM unnest(${contributionIds}::uuid[], ${themeIds}::uuid[]) AS v(id, theme_id)
      WHERE c.id = v.id AND c.harvest_id = ${harvest.id} AND c.theme_locked = false
    `.execute(trx);
    await dropOld();
    return ok({ proposed: themes.length, grouped: free.length, curated: curated.length });
  });
}

// ---------------------------------------------------------------------------------------------
// Curating

const themeRef = z.object({ themeId: id() });

/** Accepts a proposed theme as it is: curated, and its contributions placed. */
export async function acceptTheme(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ themeId: string }>> {
  return withHarvest(scope, harvestId, async (trx, harvest) => {
    const ref = themeRef.safeParse(input);
    if (!ref.success) return notFound();
    const found = await themesOf(trx, harvest.id, [ref.data.themeId]);
    if (!found) return notFound();
    await curate(trx, [ref.data.themeId]);
    await trx
      .updateTable("contributions")
      .set({ theme_locked: true })
      .where("theme_id", "=", ref.data.themeId)
      .where("harvest_id", "=", harvest.id)
      .execute();
    return ok({ themeId: ref.data.themeId });
  });
}

const labelSchema = z.object({ label: text(THEME_LABEL_MAX) });

/**
 * Sets fields of one theme of the harvest from the organiser's input and curates it: the theme
 * must be the harvest's ("not found" otherwise), the input must pass `schema`.
 */
async function editTheme<S extends z.ZodType>(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
  schema: (harvest: ThemeHarvest) => S,
  fields: (value: z.output<S>) => { label?: string; summary?: string; strategic_theme?: string },
): Promise<Result<{ themeId: string }>> {
  return withHarvest(scope, harvestId, async (trx, harvest) => {
    const ref = themeRef.safeParse(input);
    if (!ref.success) return notFound();
    if (!(await themesOf(trx, harvest.id, [ref.data.themeId]))) return notFound();
    const v = validate(schema(harvest), input);
    if (!v.ok) return v;
    await trx
      .updateTable("harvest_themes")
      .set({ ...fields(v.value), origin: "curated", updated_at: new Date() })
      .where("id", "=", ref.data.themeId)
      .execute();
    return ok({ themeId: ref.data.themeId });
  });
}

/** Gives a theme the organiser's name; the theme is curated from then on. */
export async function renameTheme(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ themeId: string }>> {
  return editTheme(
    scope,
    harvestId,
    input,
    () => labelSchema,
    (v) => ({ label: v.label }),
  );
}

const idList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(z.array(id()).max(10_000));

/**
 * Puts the contributions of the themes `from` into the theme `into` and removes `from`. Their
 * quotes, the actions that answer them and their summaries go along; `into` is curated.
 */
export async function mergeThemes(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ themeId: string; merged: number }>> {
  return withHarvest(scope, harvestId, async (trx, harvest) => {
    const refs = z.object({ from: idList, into: id() }).safeParse(input);
    if (!refs.success) return notFound();
    const into = refs.data.into;
    const from = [...new Set(refs.data.from)].filter((f) => f !== into);
    if (from.length === 0)
      return fail("validation.failed", { into: { key: "harvestThemes.chooseOther" } });
    const found = await themesOf(trx, harvest.id, [into, ...from]);
    if (!found) return notFound();
    const target = found.find((t) => t.id === into)!;
    const sources = from.map((f) => found.find((t) => t.id === f)!);

    await trx
      .updateTable("contributions")
      .set({ theme_id: into })
      .where("harvest_id", "=", harvest.id)
      .where("theme_id", "in", from)
      .execute();
    await sql`
      INSERT INTO harvest_quotes (theme_id, contribution_id, position)
      SELECT ${into}::uuid, q.contribution_id, 1000 + q.position FROM harvest_quotes q
      WHERE q.theme_id = ANY(${from}::uuid[])
      ON CONFLICT DO NOTHING
    `.execute(trx);
    await sql`
      INSERT INTO action_sources (action_id, theme_id)
      SELECT DISTINCT s.action_id, ${into}::uuid FROM action_sources s
      WHERE s.theme_id = ANY(${from}::uuid[])
        AND NOT EXISTS (SELECT 1 FROM action_sources x WHERE x.action_id = s.action_id AND x.theme_id = ${into}::uuid)
    `.execute(trx);
    const summary = [target.summary, ...sources.map((s) => s.summary)]
      .map((s) => s.trim())
      .filter((s) => s !== "")
      .join("\n\n")
      .slice(0, THEME_SUMMARY_MAX);
    const strategic =
      target.strategic_theme || sources.find((s) => s.strategic_theme)?.strategic_theme || "";
    await trx
      .updateTable("harvest_themes")
      .set({
        origin: "curated",
        summary,
        strategic_theme: strategic,
        updated_at: new Date(),
      })
      .where("id", "=", into)
      .execute();
    await trx.deleteFrom("harvest_themes").where("id", "in", from).execute();
    return ok({ themeId: into, merged: from.length });
  });
}

/**
 * Takes the chosen contributions out of a theme into a new theme with its own name, right after
 * it. Both themes are curated; the contributions moved are placed.
 */
export async function splitTheme(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ themeId: string; moved: number }>> {
  return withHarvest(scope, harvestId, async (trx, harvest) => {
    const refs = z
      .object({ themeId: id(), contributionIds: z.unknown().optional() })
      .safeParse(input);
    if (!refs.success) return notFound();
    const found = await themesOf(trx, harvest.id, [refs.data.themeId]);
    if (!found) return notFound();
    const theme = found[0]!;
    const v = validate(z.object({ label: text(THEME_LABEL_MAX) }), input);
    const boxes = z
      .preprocess((x) => (x === undefined || x === "" ? [] : x), idList)
      .safeParse(refs.data.contributionIds);
    // A tampered id among the boxes is not the organiser's mistake to fix.
    if (!boxes.success) return notFound();
    const fieldErrors = {
      ...(v.ok ? {} : v.fieldErrors),
      ...(boxes.data.length === 0
        ? { contributionIds: { key: "harvestThemes.chooseContributions" } }
        : {}),
    };
    if (!v.ok || boxes.data.length === 0) return fail("validation.failed", fieldErrors);
    const chosen = [...new Set(boxes.data)];
    const members = await trx
      .selectFrom("contributions")
      .select("id")
      .where("harvest_id", "=", harvest.id)
      .where("theme_id", "=", theme.id)
      .where("id", "in", chosen)
      .execute();
    if (members.length !== chosen.length) return notFound();

    await trx
      .updateTable("harvest_themes")
      .set((eb) => ({ position: eb("position", "+", 1) }))
      .where("harvest_id", "=", harvest.id)
      .where("position", ">", theme.position)
      .execute();
    const created = await trx
      .insertInto("harvest_themes")
      .values({
        harvest_id: harvest.id,
        label: v.value.label,
        strategic_theme: theme.strategic_theme,
        position: theme.position + 1,
        origin: "curated",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("contributions")
      .set({ theme_id: created.id, theme_locked: true })
      .where("harvest_id", "=", harvest.id)
      .where("id", "in", chosen)
      .execute();
    await trx
      .updateTable("harvest_quotes")
      .set({ theme_id: created.id })
      .where("theme_id", "=", theme.id)
      .where("contribution_id", "in", chosen)
      .execute();
    await curate(trx, [theme.id]);
    return ok({ themeId: created.id, moved: chosen.length });
  });
}

/**
 * Places one contribution in a theme, or in none with an empty `themeId`; regrouping never moves
 * it again. The theme it goes to is curated, so that it keeps what it holds. A quote of it in its
 * old theme goes.
 */
export async function moveContribution(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ themeId: string | null }>> {
  return withHarvest(scope, harvestId, async (trx, harvest) => {
    const refs = z
      .object({
        contributionId: id(),
        themeId: z.preprocess((x) => (x === "" || x === undefined ? null : x), id().nullable()),
      })
      .safeParse(input);
    if (!refs.success) return notFound();
    const { contributionId, themeId } = refs.data;
    if (themeId && !(await themesOf(trx, harvest.id, [themeId]))) return notFound();
    const { numUpdatedRows } = await trx
      .updateTable("contributions")
      .set({ theme_id: themeId, theme_locked: true })
      .where("id", "=", contributionId)
      .where("harvest_id", "=", harvest.id)
      .where("region_id", "=", scope.regionId)
      .executeTakeFirst();
    if (numUpdatedRows === 0n) return notFound();
    let quotes = trx.deleteFrom("harvest_quotes").where("contribution_id", "=", contributionId);
    if (themeId) quotes = quotes.where("theme_id", "<>", themeId);
    await quotes.execute();
    if (themeId) await curate(trx, [themeId]);
    return ok({ themeId });
  });
}

/** Files a theme under one of the harvest's strategic themes, or under none with "". */
export async function setStrategicTheme(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ themeId: string }>> {
  return editTheme(
    scope,
    harvestId,
    input,
    (harvest) =>
      z.object({
        strategicTheme: z
          .string()
          .default("")
          .refine((s) => s === "" || harvest.strategicThemes.includes(s), {
            error: "validation.choice",
          }),
      }),
    (v) => ({ strategic_theme: v.strategicTheme }),
  );
}

/** The theme's paragraph for the publication; writing it curates the theme. */
export async function setThemeSummary(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ themeId: string }>> {
  return editTheme(
    scope,
    harvestId,
    input,
    () => z.object({ summary: optionalText(THEME_SUMMARY_MAX) }),
    (v) => ({ summary: v.summary }),
  );
}

/**
 * Puts the themes in the given order (the publication's order); themes left out follow in the
 * order they had. Order alone does not curate a theme.
 */
export async function reorderThemes(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ order: string[] }>> {
  return withHarvest(scope, harvestId, async (trx, harvest) => {
    const refs = z.object({ order: idList }).safeParse(input);
    if (!refs.success) return notFound();
    const wanted = [...new Set(refs.data.order)];
    const all = await orderedThemes(trx, harvest.id).select(["id"]).execute();
    const known = new Set(all.map((t) => t.id));
    if (wanted.some((w) => !known.has(w))) return notFound();
    const order = [...wanted, ...all.map((t) => t.id).filter((t) => !wanted.includes(t))];
    if (order.length > 0)
      await sql`
        UPDATE harvest_themes AS t SET position = v.position
        FROM unnest(${order}::uuid[], ${order.map((_, i) => i)}::int[]) AS v(id, position)
        WHERE t.id = v.id AND t.harvest_id = ${harvest.id}
      `.execute(trx);
    return ok({ order });
  });
}

/** Moves a theme one place up or down in the order. */
export async function moveTheme(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ order: string[] }>> {
  const refs = z.object({ themeId: id(), direction: z.enum(["up", "down"]) }).safeParse(input);
  if (!refs.success) return notFound();
  const overview = await themeOrder(scope, harvestId);
  if (!overview) return notFound();
  const order = [...overview];
  const i = order.indexOf(refs.data.themeId);
  if (i < 0) return notFound();
  const j = refs.data.direction === "up" ? i - 1 : i + 1;
  if (j >= 0 && j < order.length) [order[i], order[j]] = [order[j]!, order[i]!];
  return reorderThemes(scope, harvestId, { order });
}

async function themeOrder(scope: RegionScope, harvestId: string): Promise<string[] | null> {
  const harvest = await findThemeHarvest(scope, harvestId);
  if (!harvest) return null;
  const rows = await orderedThemes(scope.db, harvest.id).select("id").execute();
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Reading

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
