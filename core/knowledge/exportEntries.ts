import { translator, type Locale } from "../../i18n/index.ts";
import { forbidden, ok, type Result } from "../kernel/result.ts";
import { may, type RegionScope } from "../kernel/scope.ts";
import { csvFile } from "../kernel/tableFile.ts";
import { knowledgePolicy } from "./policy.ts";
import { regionEntries } from "./queries.ts";

export interface KnowledgeFile {
  fileName: string;
  body: Uint8Array;
  contentType: string;
}

async function regionSlug(scope: RegionScope) {
  const r = await scope.db
    .selectFrom("regions")
    .select("slug")
    .where("id", "=", scope.regionId)
    .executeTakeFirstOrThrow();
  return r.slug;
}

/**
 * The region's own entries, drafts included, as a spreadsheet: one row per entry, the context
 * lists joined with commas. Entries other regions share are theirs to export, not this one's.
 */
export async function exportEntriesCsv(
  scope: RegionScope,
  locale: Locale,
): Promise<Result<KnowledgeFile>> {
  if (!may(scope, knowledgePolicy.exportEntries)) return forbidden();
  const t = translator(locale);
  const entries = await regionEntries(scope);
  const keys = [
    "id",
    "slug",
    "kind",
    "title",
    "summary",
    "body",
    "citation",
    "sourceUrl",
    "sectors",
    "perspectives",
    "essentials",
    "ambitionLevels",
    "phases",
    "theme",
    "licence",
    "language",
    "status",
    "visibility",
    "updated",
  ] as const;
  const rows = [
    keys.map((k) => t(`knowledge.export.${k}`)),
    ...entries.map((e) => [
      e.id,
      e.slug,
      t(`knowledge.kind.${e.kind}`),
      e.title,
      e.summary,
      e.body_md,
      e.citation,
      e.source_url,
      e.sectors.map((s) => t(`sectors.${s}` as never)).join(", "),
      e.perspectives.map((p) => t(`perspectives.${p}` as never)).join(", "),
      e.essentials.map((x) => t(`knowledge.essential.${x}` as never)).join(", "),
      e.ambition_levels.join(", "),
      e.phases.join(", "),
      e.theme,
      e.licence,
      e.language,
      t(`knowledge.status.${e.status}`),
      t(`knowledge.visibility.${e.visibility}`),
      new Date(e.updated_at).toISOString(),
    ]),
  ];
  const file = csvFile(rows, { locale });
  return ok({ fileName: `kennisbank-${await regionSlug(scope)}.csv`, ...file });
}

/** The same entries as JSON, with the stored values (codes, not translations): for other tools. */
export async function exportEntriesJson(scope: RegionScope): Promise<Result<KnowledgeFile>> {
  if (!may(scope, knowledgePolicy.exportEntries)) return forbidden();
  const entries = await regionEntries(scope);
  const body = JSON.stringify(
    {
      entries: entries.map((e) => ({
        id: e.id,
        slug: e.slug,
        kind: e.kind,
        title: e.title,
        summary: e.summary,
        bodyMarkdown: e.body_md,
        citation: e.citation,
        sourceUrl: e.source_url,
        sectors: e.sectors,
        perspectives: e.perspectives,
        essentials: e.essentials,
        ambitionLevels: e.ambition_levels,
        phases: e.phases,
        theme: e.theme,
        licence: e.licence,
        language: e.language,
        status: e.status,
        visibility: e.visibility,
        shippedKey: e.shipped_key,
        publishedAt: e.published_at ? new Date(e.published_at).toISOString() : null,
        createdAt: new Date(e.created_at).toISOString(),
        updatedAt: new Date(e.updated_at).toISOString(),
      })),
    },
    null,
    2,
  );
  return ok({
    fileName: `kennisbank-${await regionSlug(scope)}.json`,
    body: new TextEncoder().encode(body),
    contentType: "application/json; charset=utf-8",
  });
}
