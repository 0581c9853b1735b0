import { sql } from "kysely";
import { inRegion, withRow } from "../kernel/guard.ts";
import { conflict, fail, notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { slugFrom } from "../kernel/slug.ts";
import type { Tx } from "../kernel/tx.ts";
import { validate } from "../kernel/validate.ts";
import { knowledgePolicy } from "./policy.ts";
import { entryColumns, entrySchema, sharingSchema, type EntryInput } from "./schema.ts";

/**
 * Inserts an entry of the region under a free slug. The unique index decides whether a slug is
 * free (one statement per try, nothing read first), so two entries of one title at once each get
 * their own. Used by the create intent and by the drafts made from what happened.
 */
export async function insertEntry(
  tx: Tx,
  regionId: string,
  userId: string | null,
  v: EntryInput,
): Promise<{ id: string; slug: string } | undefined> {
  const base = slugFrom(v.title, "kennis");
  for (let i = 1; i <= 50; i++) {
    const slug = i === 1 ? base : `${base}-${i}`;
    const row = await tx
      .insertInto("knowledge_entries")
      .values({ ...entryColumns(v), region_id: regionId, slug, created_by: userId })
      .onConflict((oc) => oc.columns(["region_id", "slug"]).doNothing())
      .returning(["id", "slug"])
      .executeTakeFirst();
    if (row) return row;
  }
  return undefined;
}

/** A new entry, as a draft visible only in the region until it is published. */
export async function createEntry(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ id: string; slug: string }>> {
  return inRegion(scope, knowledgePolicy.createEntry, async (tx) => {
    const v = validate(entrySchema, input);
    if (!v.ok) return v;
    const row = await insertEntry(tx, scope.regionId, scope.userId, v.value);
    return row ? ok(row) : fail("validation.failed", { title: { key: "knowledge.slugTaken" } });
  });
}

/**
 * Rewrites an entry's content and context; its address (slug) stays, because the public page and
 * the feed are reached through it. One statement on a row the guard found in the region.
 */
export async function updateEntry(
  scope: RegionScope,
  entryId: unknown,
  input: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: knowledgePolicy.updateEntry, table: "knowledge_entries", id: entryId },
    async (tx, entry) => {
      const v = validate(entrySchema, input);
      if (!v.ok) return v;
      await tx
        .updateTable("knowledge_entries")
        .set({ ...entryColumns(v.value), updated_at: sql<Date>`now()` })
        .where("id", "=", entry.id)
        .execute();
      return ok(null);
    },
  );
}

/**
 * Deletes an entry with its evidence, authors, shares and adoptions (cascade). A shipped tip is
 * unpublished instead: seeding the tips again (for regions that predate them) would otherwise
 * bring it back.
 */
export async function deleteEntry(
  scope: RegionScope,
  entryId: unknown,
  input: { confirmed: boolean },
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: knowledgePolicy.deleteEntry, table: "knowledge_entries", id: entryId },
    async (tx, entry) => {
      if (entry.shipped_key !== null) return conflict("knowledge.shippedNotDeleted");
      if (!input.confirmed)
        return fail("validation.failed", { confirm: { key: "validation.required" } });
      await tx.deleteFrom("knowledge_entries").where("id", "=", entry.id).execute();
      return ok(null);
    },
  );
}

/** Publishes or takes back to draft. One statement; published_at keeps the first publication. */
export async function setEntryStatus(
  scope: RegionScope,
  entryId: unknown,
  status: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: knowledgePolicy.publishEntry, table: "knowledge_entries", id: entryId },
    async (tx, entry) => {
      if (status !== "draft" && status !== "published") return notFound();
      await tx
        .updateTable("knowledge_entries")
        .set({
          status,
          published_at: sql<Date>`coalesce(published_at, CASE WHEN ${status} = 'published' THEN now() END)`,
          updated_at: sql<Date>`now()`,
        })
        .where("id", "=", entry.id)
        .execute();
      return ok(null);
    },
  );
}

/**
 * Who may see the entry beyond the region: nobody, the named regions and communities, or
 * everyone. The list of shares is replaced as a whole under the entry's row lock (FOR UPDATE),
 * so two organisers saving at once end with one of their two lists, never a mix of both; an
 * adoption holds the same row FOR SHARE while it checks it may see the entry.
 * Communities must be ones the region belongs to; regions any other region.
 */
export async function setSharing(
  scope: RegionScope,
  entryId: unknown,
  input: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: knowledgePolicy.setSharing, table: "knowledge_entries", id: entryId, lock: true },
    async (tx, entry) => {
      const v = validate(sharingSchema, input);
      if (!v.ok) return v;
      const { visibility } = v.value;
      const regionIds = v.value.regionIds.filter((r) => r !== scope.regionId);
      const { communityIds } = v.value;
      if (regionIds.length > 0) {
        const found = await tx
          .selectFrom("regions")
          .select("id")
          .where("id", "in", regionIds)
          .forShare()
          .execute();
        if (found.length !== regionIds.length)
          return fail("validation.failed", { regionIds: { key: "validation.choice" } });
      }
      if (communityIds.length > 0) {
        const found = await tx
          .selectFrom("learning_community_members")
          .select("community_id")
          .where("region_id", "=", scope.regionId)
          .where("community_id", "in", communityIds)
          .forShare()
          .execute();
        if (found.length !== communityIds.length)
          return fail("validation.failed", { communityIds: { key: "validation.choice" } });
      }
      await tx.deleteFrom("knowledge_entry_shares").where("entry_id", "=", entry.id).execute();
      const rows = [
        ...regionIds.map((region_id) => ({ entry_id: entry.id, region_id })),
        ...communityIds.map((community_id) => ({ entry_id: entry.id, community_id })),
      ];
      if (rows.length > 0) await tx.insertInto("knowledge_entry_shares").values(rows).execute();
      await tx
        .updateTable("knowledge_entries")
        .set({ visibility, updated_at: sql<Date>`now()` })
        .where("id", "=", entry.id)
        .execute();
      return ok(null);
    },
  );
}
