import { sql } from "kysely";
import type { Locale } from "../../db/schema.ts";
import type { Essential } from "../kernel/sectors.ts";
import type { Reader } from "../kernel/tx.ts";
import { visibleTo } from "./visibility.ts";

export interface EssentialEntry {
  id: string;
  title: string;
  summary: string;
  /** The entry's page inside the region whose scan asks: `/manage/<slug>/knowledge/<id>`. */
  path: string;
}

/**
 * Entries the region may see that address an essential, for a self-scan's weakest essential:
 * the poster's tips first (every region has its own copy), then the region's own entries, then
 * what others share with it, newest first. With `language`, shipped tips come in that language
 * only (each tip is seeded in nl and en); what people wrote shows in whatever language it has.
 */
export async function entriesForEssential(
  db: Reader,
  regionId: string,
  essential: Essential,
  limit = 3,
  language?: Locale,
): Promise<EssentialEntry[]> {
  const region = await db
    .selectFrom("regions")
    .select("slug")
    .where("id", "=", regionId)
    .executeTakeFirst();
  if (!region) return [];
  let query = db
    .selectFrom("knowledge_entries")
    .select(["id", "title", "summary"])
    .where(visibleTo(regionId))
    .where("status", "=", "published")
    .where("essentials", "@>", sql<string[]>`ARRAY[${essential}]::text[]`);
  if (language) {
    query = query.where((eb) =>
      eb.or([eb("shipped_key", "is", null), eb("language", "=", language)]),
    );
  }
  const rows = await query
    .orderBy((eb) => eb.case().when("shipped_key", "is not", null).then(0).else(1).end())
    .orderBy((eb) => eb.case().when("region_id", "=", regionId).then(0).else(1).end())
    .orderBy("shipped_key")
    .orderBy("updated_at", "desc")
    .orderBy("id")
    .limit(Math.max(1, Math.min(limit, 50)))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    summary: r.summary,
    path: `/manage/${region.slug}/knowledge/${r.id}`,
  }));
}
