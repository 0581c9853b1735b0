import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type SelectQueryBuilder,
  type SqlBool,
} from "kysely";
import { z } from "zod";
import type { Database, KnowledgeKind, Locale } from "../../db/schema.ts";
import type { Reader } from "../kernel/tx.ts";
import { ESSENTIALS, PERSPECTIVES, SECTORS } from "../kernel/sectors.ts";
import { pageNumber, searchText } from "../kernel/validate.ts";
import { publicOnly, visibleTo } from "./visibility.ts";

/**
 * Search over the knowledge base (issue 13): PostgreSQL full-text search on the stored
 * `knowledge_document` of migration 015 (title A > summary and theme B > body C, each entry stemmed
 * in its own language, accents folded), facets with counts, highlighted excerpts and similar
 * entries. The same SQL runs on PGlite and PostgreSQL.
 */

export const KNOWLEDGE_KINDS = ["lesson", "practice", "method", "instrument", "source"] as const;
export const PAGE_SIZE = 20;
/** More than anyone reads; it bounds the query parser's work and the URL. */
const QUERY_MAX = 200;
/** Per facet, so a hand-made URL cannot ask for thousands of values. */
const VALUES_MAX = 20;

/** Who is searching: a region (its own entries and what is shared with it) or the public. */
export type Audience =
  | { regionId: string }
  | {
      public: true;
      /** Only this region's public entries; all regions' when absent. */
      regionId?: string;
    };

export interface SearchFilters {
  kinds: KnowledgeKind[];
  sectors: string[];
  perspectives: string[];
  essentials: string[];
  phases: number[];
  ambitionLevels: number[];
  /** Region slugs. */
  regions: string[];
}

export interface SearchRequest {
  q: string;
  page: number;
  filters: SearchFilters;
}

/** A piece of highlighted text: `hit` parts are the words that matched. Plain text, unescaped. */
export interface Fragment {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  id: string;
  slug: string;
  kind: KnowledgeKind;
  language: Locale;
  title: Fragment[];
  excerpt: Fragment[];
  regionId: string;
  regionSlug: string;
  regionName: string;
  visibility: "region" | "shared" | "public";
  status: "draft" | "published";
  updatedAt: Date;
}

export interface FacetValue {
  value: string;
  count: number;
  /** For the region facet: the region's name. */
  label?: string;
}

export interface Facets {
  kind: FacetValue[];
  sector: FacetValue[];
  perspective: FacetValue[];
  essential: FacetValue[];
  phase: FacetValue[];
  ambition: FacetValue[];
  region: FacetValue[];
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  page: number;
  pageCount: number;
  facets: Facets;
  /** True when the text held no searchable word (only stop words or signs): nothing matched. */
  emptyQuery: boolean;
}

const list = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .catch([]);

const oneOf = <T extends readonly string[]>(values: T) =>
  z.string().refine((v): v is T[number] => values.includes(v));
const intIn = (from: number, to: number) => z.coerce.number().int().min(from).max(to);
const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(80);

const requestSchema = z.object({
  q: searchText(QUERY_MAX).default(""),
  page: pageNumber().default(1),
  kind: list(oneOf(KNOWLEDGE_KINDS)),
  sector: list(oneOf(SECTORS)),
  perspective: list(oneOf(PERSPECTIVES)),
  essential: list(oneOf(ESSENTIALS)),
  phase: list(intIn(1, 4)),
  level: list(intIn(1, 5)),
  region: list(slug),
});

/**
 * Reads a search page's query string: `q`, `page` and the facets as repeated parameters
 * (`kind=lesson&kind=method&sector=mbo&phase=2&level=3&region=twente`). Anything out of range
 * is dropped, never an error: a hand-edited URL shows a search, not a failure. A value that
 * is not a valid choice drops that facet's values altogether.
 */
export function readSearchRequest(params: URLSearchParams): SearchRequest {
  // Checkbox groups send `kind[]`, links `kind`: both are the same facet.
  const raw: Record<string, string[]> = {};
  for (const [key, value] of params) (raw[key.replace(/\[\]$/, "")] ??= []).push(value);
  for (const one of ["q", "page"])
    if (raw[one]) (raw as Record<string, unknown>)[one] = raw[one][0];
  const parsed = requestSchema.parse(raw);
  const cap = <T>(v: T[]) => [...new Set(v)].slice(0, VALUES_MAX);
  return {
    q: parsed.q,
    page: parsed.page,
    filters: {
      kinds: cap(parsed.kind as KnowledgeKind[]),
      sectors: cap(parsed.sector),
      perspectives: cap(parsed.perspective),
      essentials: cap(parsed.essential),
      phases: cap(parsed.phase),
      ambitionLevels: cap(parsed.level),
      regions: cap(parsed.region),
    },
  };
}

export const noFilters = (): SearchFilters => ({
  kinds: [],
  sectors: [],
  perspectives: [],
  essentials: [],
  phases: [],
  ambitionLevels: [],
  regions: [],
});

type Where = (eb: ExpressionBuilder<Database, "knowledge_entries">) => Expression<SqlBool>;

function audienceFilter(audience: Audience): Where[] {
  if ("public" in audience) {
    const own: Where[] = audience.regionId
      ? [(eb) => eb("knowledge_entries.region_id", "=", audience.regionId!)]
      : [];
    return [publicOnly, ...own];
  }
  return [visibleTo(audience.regionId)];
}

function facetFilters(f: SearchFilters): Where[] {
  const out: Where[] = [];
  if (f.kinds.length) out.push((eb) => eb("knowledge_entries.kind", "in", f.kinds));
  // Within a facet any value may match (sector mbo or hbo), across facets all must.
  const overlap = (column: string, values: string[] | number[], type: "text" | "integer") =>
    out.push(
      () =>
        sql<SqlBool>`${sql.ref(`knowledge_entries.${column}`)} && ${sql.val(values)}::${sql.raw(type)}[]`,
    );
  if (f.sectors.length) overlap("sectors", f.sectors, "text");
  if (f.perspectives.length) overlap("perspectives", f.perspectives, "text");
  if (f.essentials.length) overlap("essentials", f.essentials, "text");
  if (f.phases.length) overlap("phases", f.phases, "integer");
  if (f.ambitionLevels.length) overlap("ambition_levels", f.ambitionLevels, "integer");
  if (f.regions.length)
    out.push((eb) =>
      eb(
        "knowledge_entries.region_id",
        "in",
        eb.selectFrom("regions").select("regions.id").where("regions.slug", "in", f.regions),
      ),
    );
  return out;
}

/** The whole entry as words, exactly as migration 015 indexes it (the index is on this expression). */
const DOCUMENT = sql`knowledge_document(knowledge_entries.language, knowledge_entries.title,
  knowledge_entries.summary, knowledge_entries.theme, knowledge_entries.body_md,
  knowledge_entries.citation)`;

/**
 * PostgreSQL's JIT compiler starts on a search's cost estimate (ranking thousands of matches)
 * and then spends far longer compiling than the search takes (a second against 30 ms at 100,000
 * entries): off for the search's own transaction. PGlite has no JIT and accepts the setting.
 */
async function withoutJit<T>(db: Reader, work: (tx: Reader) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    await sql`SET LOCAL jit = off`.execute(db);
    return work(db);
  }
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL jit = off`.execute(tx);
    return work(tx);
  });
}

/**
 * The text as a query in both languages, OR-ed: a Dutch entry's words were stemmed in Dutch and
 * match the Dutch reading, an English entry's the English one. websearch_to_tsquery never fails
 * on what a person types ("quotes", -not, or), unlike to_tsquery.
 */
const tsQuery = (q: string) =>
  sql`(websearch_to_tsquery('knowledge_nl', ${q}) || websearch_to_tsquery('knowledge_en', ${q}))`;

// Ranked on the head (title 1.0, summary and theme 0.4), plus 0.5 when the title alone holds
// every word: the body decides whether an entry matches, not its order, so a search never reads
// thousands of bodies (migration 015). Entries that match in the body only follow, newest first.
// Normalisation 1 divides by 1 + log(length), so a long summary does not outrank a short title.
const rankOf = (q: string) =>
  sql<number>`(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', knowledge_entries.search_head, ${tsQuery(q)}, 1)
    + CASE WHEN ts_filter(knowledge_entries.search_head, '{a}') @@ ${tsQuery(q)}
      THEN 0.5 ELSE 0 END)`;

// Private-use characters mark the highlights: taken out of the text first, so an entry cannot
// fake a highlight, and split on afterwards into plain fragments that the page escapes. Angle
// brackets travel as two more of them: ts_headline drops what its parser reads as an HTML tag,
// and "<script>" in a title is text to show as written.
const START = "\uE000";
const STOP = "\uE001";
const LT = "\uE002";
const GT = "\uE003";
const MARKS = /[\uE000-\uE003]/g;
const unmask = (s: string) => s.replaceAll(LT, "<").replaceAll(GT, ">");

/** The text ts_headline marked, as fragments; exported for the tests. */
export function fragments(marked: string): Fragment[] {
  const out: Fragment[] = [];
  for (const [i, part] of marked.split(START).entries()) {
    const [hit, rest] = i === 0 ? [undefined, part] : splitOnce(part, STOP);
    if (hit) out.push({ text: unmask(hit).replace(MARKS, ""), hit: true });
    if (rest) out.push({ text: unmask(rest).replace(MARKS, ""), hit: false });
  }
  return out;
}

/** For ts_headline: the marks out, the angle brackets masked. */
const masked = (text: ReturnType<typeof sql>) =>
  sql`translate(${text}, ${"<>" + START + STOP + LT + GT}, ${LT + GT})`;

function splitOnce(s: string, sep: string): [string, string] {
  const at = s.indexOf(sep);
  return at < 0 ? [s, ""] : [s.slice(0, at), s.slice(at + sep.length)];
}

/** Markdown signs read as noise in an excerpt: links keep their text, emphasis and headings go. */
const plainBody = sql`regexp_replace(regexp_replace(e.body_md, '\\]\\([^)]*\\)', '', 'g'), '[#*_\`>|\\[\\]]+', '', 'g')`;

const headlineOptions = (fragmentsMax: number) =>
  `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=${fragmentsMax}, FragmentDelimiter=" … "`;

/**
 * One page of the entries the audience may see that match the text and the facets, best first
 * (newest first for an empty text), with the facet counts over all of them.
 */
/**
 * A hyphen inside a word ("co-creatie", "mbo-scholen") would make the query a phrase of its
 * parts, which the index cannot answer alone (every candidate's words recomputed): the parts are
 * searched as words instead, which the document holds as well. A leading minus (exclude) stays.
 */
const unhyphenated = (q: string) => q.replace(/([\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu, "$1 ");

export function searchKnowledge(
  db: Reader,
  audience: Audience,
  request: SearchRequest,
): Promise<SearchResult> {
  return withoutJit(db, (tx) => search(tx, audience, request));
}

async function search(
  db: Reader,
  audience: Audience,
  request: SearchRequest,
): Promise<SearchResult> {
  const q = unhyphenated(request.q.trim().replace(MARKS, ""));
  const page = Math.max(1, request.page);
  let emptyQuery = false;
  if (q) {
    const probe = await sql<{ n: number }>`SELECT numnode(${tsQuery(q)}) AS n`.execute(db);
    emptyQuery = probe.rows[0]!.n === 0;
  }
  const empty: Facets = {
    kind: [],
    sector: [],
    perspective: [],
    essential: [],
    phase: [],
    ambition: [],
    region: [],
  };
  if (emptyQuery) return { hits: [], total: 0, page: 1, pageCount: 0, facets: empty, emptyQuery };

  // With a text, the index finds the matches first and the visibility and facets filter those:
  // the fence (OFFSET 0) keeps the planner from also scanning the visibility's indexes for the
  // tens of thousands of entries a region may see and intersecting the two.
  const source = q
    ? db.selectFrom(
        db
          .selectFrom("knowledge_entries")
          .selectAll()
          .where(sql<SqlBool>`${DOCUMENT} @@ ${tsQuery(q)}`)
          .offset(0)
          .as("knowledge_entries"),
      )
    : db.selectFrom("knowledge_entries");
  let matching = source as unknown as SelectQueryBuilder<Database, "knowledge_entries", object>;
  for (const w of [...audienceFilter(audience), ...facetFilters(request.filters)])
    matching = matching.where(w);
  const m = matching.select([
    "knowledge_entries.id",
    "knowledge_entries.kind",
    "knowledge_entries.sectors",
    "knowledge_entries.perspectives",
    "knowledge_entries.essentials",
    "knowledge_entries.phases",
    "knowledge_entries.ambition_levels",
    "knowledge_entries.region_id",
    "knowledge_entries.updated_at",
    q ? rankOf(q).as("rank") : sql<number>`0`.as("rank"),
  ]);
  const cfg = sql`CASE WHEN e.language = 'en' THEN 'knowledge_en'::regconfig ELSE 'knowledge_nl'::regconfig END`;
  const query = q ? tsQuery(q) : sql`''::tsquery`;
  // One statement, so the matches are read once: the facets count them all, the page takes its
  // twenty, and only those twenty are read whole for their highlights (ts_headline re-reads the
  // text, the costly part).
  const result = await sql<{ facets: [string, string, number, string | null][]; hits: HitRow[] }>`
    WITH m AS MATERIALIZED (${m}),
    page AS (SELECT id, rank, updated_at FROM m ORDER BY rank DESC, updated_at DESC, id
      LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}),
    facet AS (
      SELECT 'kind' AS facet, kind AS value, count(*)::int AS count, NULL AS label FROM m GROUP BY kind
      UNION ALL SELECT 'sector', v, count(*)::int, NULL FROM m, unnest(m.sectors) v GROUP BY v
      UNION ALL SELECT 'perspective', v, count(*)::int, NULL FROM m, unnest(m.perspectives) v GROUP BY v
      UNION ALL SELECT 'essential', v, count(*)::int, NULL FROM m, unnest(m.essentials) v GROUP BY v
      UNION ALL SELECT 'phase', v::text, count(*)::int, NULL FROM m, unnest(m.phases) v GROUP BY v
      UNION ALL SELECT 'ambition', v::text, count(*)::int, NULL FROM m, unnest(m.ambition_levels) v GROUP BY v
      UNION ALL SELECT 'region', r.slug, c.n, r.name
        FROM (SELECT region_id, count(*)::int AS n FROM m GROUP BY region_id) c
        JOIN regions r ON r.id = c.region_id)
    SELECT
      (SELECT coalesce(json_agg(json_build_array(facet, value, count, label)), '[]'::json)
        FROM facet) AS facets,
      (SELECT coalesce(json_agg(json_build_object(
          'id', e.id, 'slug', e.slug, 'kind', e.kind, 'language', e.language,
          'region_id', e.region_id, 'visibility', e.visibility, 'status', e.status,
          'updated_at', e.updated_at, 'region_slug', r.slug, 'region_name', r.name,
          'title_marked', ts_headline(${cfg}, ${masked(sql`e.title`)}, ${query},
            ${`HighlightAll=true, StartSel=${START}, StopSel=${STOP}`}),
          'excerpt_marked', ts_headline(${cfg},
            ${masked(sql`e.summary || ' … ' || ${plainBody}`)}, ${query}, ${headlineOptions(2)})
        ) ORDER BY p.rank DESC, p.updated_at DESC, p.id), '[]'::json)
        FROM page p JOIN knowledge_entries e ON e.id = p.id JOIN regions r ON r.id = e.region_id
      ) AS hits`.execute(db);
  const row = result.rows[0]!;
  const counted = countFacets(row.facets);
  return {
    total: counted.total,
    page,
    pageCount: Math.ceil(counted.total / PAGE_SIZE),
    emptyQuery: false,
    facets: counted.facets,
    hits: row.hits.map((r) => ({
      id: r.id,
      slug: r.slug,
      kind: r.kind,
      language: r.language,
      title: fragments(r.title_marked),
      excerpt: fragments(r.excerpt_marked),
      regionId: r.region_id,
      regionSlug: r.region_slug,
      regionName: r.region_name,
      visibility: r.visibility,
      status: r.status,
      updatedAt: new Date(r.updated_at),
    })),
  };
}

interface HitRow {
  id: string;
  slug: string;
  kind: KnowledgeKind;
  language: Locale;
  region_id: string;
  visibility: SearchHit["visibility"];
  status: SearchHit["status"];
  updated_at: string;
  region_slug: string;
  region_name: string;
  title_marked: string;
  excerpt_marked: string;
}

/** The facet rows of the search statement, grouped and in the order the page lists them. */
function countFacets(rows: [string, string, number, string | null][]): {
  total: number;
  facets: Facets;
} {
  const facets: Facets = {
    kind: [],
    sector: [],
    perspective: [],
    essential: [],
    phase: [],
    ambition: [],
    region: [],
  };
  let total = 0;
  for (const [facet, value, count, label] of rows) {
    const key = facet as keyof Facets;
    facets[key].push({ value, count, ...(label ? { label } : {}) });
    if (key === "kind") total += count;
  }
  const byCount = (a: FacetValue, b: FacetValue) =>
    b.count - a.count || a.value.localeCompare(b.value);
  const byValue = (a: FacetValue, b: FacetValue) => a.value.localeCompare(b.value);
  facets.kind.sort(
    (a, b) =>
      KNOWLEDGE_KINDS.indexOf(a.value as KnowledgeKind) -
      KNOWLEDGE_KINDS.indexOf(b.value as KnowledgeKind),
  );
  facets.sector.sort(byCount);
  facets.perspective.sort(byCount);
  facets.essential.sort(
    (a, b) => ESSENTIALS.indexOf(a.value as never) - ESSENTIALS.indexOf(b.value as never),
  );
  facets.phase.sort(byValue);
  facets.ambition.sort(byValue);
  facets.region.sort(byCount);
  return { total, facets };
}

export interface SimilarEntry {
  id: string;
  slug: string;
  kind: KnowledgeKind;
  title: string;
  regionSlug: string;
  regionName: string;
}

/**
 * Entries like the given one, for its page: those sharing most of its title and summary words
 * (the stems it uses most, title first), best first. Only entries the audience may see, and only
 * when it may see the entry itself.
 */
export function similarEntries(
  db: Reader,
  audience: Audience,
  entryId: string,
  limit = 5,
): Promise<SimilarEntry[]> {
  return withoutJit(db, (tx) => similar(tx, audience, entryId, limit));
}

async function similar(
  db: Reader,
  audience: Audience,
  entryId: string,
  limit: number,
): Promise<SimilarEntry[]> {
  let source = db
    .selectFrom("knowledge_entries")
    .where("knowledge_entries.id", "=", entryId)
    .select(
      sql<string | null>`(SELECT string_agg(quote_literal(t.lexeme), ' | ')
        FROM (SELECT u.lexeme FROM unnest(knowledge_entries.search_head) u
          WHERE u.weights && '{A,B}'::text[] AND length(u.lexeme) > 3
            AND u.lexeme ~ '^[[:alnum:]]+$'
          ORDER BY 'A' = ANY(u.weights) DESC, cardinality(u.positions) DESC, u.lexeme
          LIMIT 8) t)`.as("terms"),
    );
  for (const w of audienceFilter(audience)) source = source.where(w);
  const terms = (await source.executeTakeFirst())?.terms;
  if (!terms) return [];
  let query = db
    .selectFrom("knowledge_entries")
    .innerJoin("regions", "regions.id", "knowledge_entries.region_id")
    .where("knowledge_entries.id", "<>", entryId)
    .where(sql<SqlBool>`${DOCUMENT} @@ ${terms}::tsquery`)
    .select([
      "knowledge_entries.id",
      "knowledge_entries.slug",
      "knowledge_entries.kind",
      "knowledge_entries.title",
      "regions.slug as regionSlug",
      "regions.name as regionName",
      sql<number>`ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', knowledge_entries.search_head, ${terms}::tsquery, 1)`.as(
        "rank",
      ),
    ]);
  for (const w of audienceFilter(audience)) query = query.where(w);
  const rows = await query
    .orderBy("rank", "desc")
    .orderBy("knowledge_entries.updated_at", "desc")
    .orderBy("knowledge_entries.id")
    .limit(Math.max(1, Math.min(limit, 20)))
    .execute();
  return rows.map(({ rank: _rank, ...r }) => r);
}
