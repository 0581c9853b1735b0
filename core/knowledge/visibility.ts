import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { Database } from "../../db/schema.ts";

/**
 * The one rule for which knowledge entries a region may see, as a `where` on `knowledge_entries`
 * (unaliased): its own entries (drafts too), and published entries of other regions that are
 * public, shared with it by name, or shared with a learning community it belongs to. Nothing
 * else crosses a region's border: search, lists, detail pages, adoptions and exports all filter
 * through here.
 *
 * ```ts
 * db.selectFrom("knowledge_entries").where(visibleTo(regionId)).selectAll()
 * ```
 */
export function visibleTo(
  regionId: string,
): (eb: ExpressionBuilder<Database, "knowledge_entries">) => Expression<SqlBool> {
  return (eb) =>
    eb.or([
      eb("knowledge_entries.region_id", "=", regionId),
      eb.and([
        eb("knowledge_entries.status", "=", "published"),
        eb.or([
          eb("knowledge_entries.visibility", "=", "public"),
          eb.and([
            eb("knowledge_entries.visibility", "=", "shared"),
            eb.exists(
              eb
                .selectFrom("knowledge_entry_shares as ks")
                .select(sql<number>`1`.as("one"))
                .whereRef("ks.entry_id", "=", "knowledge_entries.id")
                .where((s) =>
                  s.or([
                    s("ks.region_id", "=", regionId),
                    s(
                      "ks.community_id",
                      "in",
                      s
                        .selectFrom("learning_community_members as lcm")
                        .select("lcm.community_id")
                        .where("lcm.region_id", "=", regionId),
                    ),
                  ]),
                ),
            ),
          ]),
        ]),
      ]),
    ]);
}

/** What anyone may see without an account: published and public. */
export function publicOnly(
  eb: ExpressionBuilder<Database, "knowledge_entries">,
): Expression<SqlBool> {
  return eb.and([
    eb("knowledge_entries.status", "=", "published"),
    eb("knowledge_entries.visibility", "=", "public"),
  ]);
}

/** Visible to the region, but another region's: read-only, never through the guard's withRow. */
export function sharedFromElsewhere(
  regionId: string,
): (eb: ExpressionBuilder<Database, "knowledge_entries">) => Expression<SqlBool> {
  const visible = visibleTo(regionId);
  return (eb) => eb.and([eb("knowledge_entries.region_id", "<>", regionId), visible(eb)]);
}
