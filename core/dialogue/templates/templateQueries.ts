import { sql } from "kysely";
import type { RegionScope } from "../../kernel/scope.ts";
import type { Reader } from "../../kernel/tx.ts";
import { isId } from "../../kernel/validate.ts";
import { questionsOf, templateSchema, type LocalText, type Template } from "../template.ts";
import { BUILTIN_TEMPLATES } from "./index.ts";

/** A region's own template as a list shows it. */
export interface TemplateSummary {
  id: string;
  title: LocalText;
  questions: number;
  updatedAt: Date;
}

/** One of the region's own templates, whole. */
export interface RegionTemplate {
  id: string;
  template: Template;
  createdAt: Date;
  updatedAt: Date;
}

/** The region's own templates, by title. */
export async function listRegionTemplates(scope: RegionScope): Promise<TemplateSummary[]> {
  const rows = await scope.db
    .selectFrom("dialogue_templates")
    .select(["id", "title", "content", sql<Date>`updated_at`.as("updated_at")])
    .where("region_id", "=", scope.regionId)
    .orderBy("title")
    .orderBy("created_at")
    .execute();
  return rows.map((row) => {
    const parsed = templateSchema.safeParse(row.content);
    return {
      id: row.id,
      title: parsed.success ? parsed.data.title : { nl: row.title, en: row.title },
      questions: parsed.success ? questionsOf(parsed.data).length : 0,
      updatedAt: new Date(row.updated_at),
    };
  });
}

/** One of the region's own templates by id; null for another region's, or for no template. */
export async function findRegionTemplate(
  scope: RegionScope,
  id: unknown,
): Promise<RegionTemplate | null> {
  if (!isId(id)) return null;
  const row = await scope.db
    .selectFrom("dialogue_templates")
    .select(["id", "content", "created_at", sql<Date>`updated_at`.as("updated_at")])
    .where("region_id", "=", scope.regionId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const parsed = templateSchema.safeParse(row.content);
  if (!parsed.success) return null;
  return {
    id: row.id,
    template: parsed.data,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** What a session can start from: the built-in templates first, then the region's own. */
export async function templateChoices(
  scope: RegionScope,
): Promise<{ value: string; title: LocalText; builtin: boolean }[]> {
  const own = await listRegionTemplates(scope);
  return [
    ...BUILTIN_TEMPLATES.map((b) => ({ value: b.key, title: b.template.title, builtin: true })),
    ...own.map((t) => ({ value: t.id, title: t.title, builtin: false })),
  ];
}

/**
 * A template to start from or copy: a built-in one by key, or one of the region's own by id;
 * null when neither (another region's id included). `reader` is the caller's transaction, if any.
 */
export async function findTemplate(
  scope: RegionScope,
  ref: string,
  reader: Reader = scope.db,
): Promise<Template | null> {
  const builtin = BUILTIN_TEMPLATES.find((t) => t.key === ref);
  if (builtin) return builtin.template;
  if (!isId(ref)) return null;
  const row = await reader
    .selectFrom("dialogue_templates")
    .select("content")
    .where("region_id", "=", scope.regionId)
    .where("id", "=", ref)
    .executeTakeFirst();
  if (!row) return null;
  const parsed = templateSchema.safeParse(row.content);
  return parsed.success ? parsed.data : null;
}
