import { sql } from "kysely";
import { inRegion, withRow } from "../kernel/guard.ts";
import { conflict, notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId, validate } from "../kernel/validate.ts";
import { knowledgePolicy } from "./policy.ts";
import { adoptionSchema, resultSchema } from "./schema.ts";
import { sharedFromElsewhere } from "./visibility.ts";

/**
 * The transfer check: this region tried an entry another region shares with it, and says what it
 * tried (and, if it knows already, how it went). The entry is read through visibleTo, never the
 * guard's withRow (which would call it "not found": it is another region's row).
 *
 * The entry is first held FOR SHARE by its id alone, and only then is the sharing checked, in a
 * statement of its own. An organiser of the other region who changes the sharing at that moment
 * (setSharing locks the row FOR UPDATE) either waits for the adoption or is waited for, and the
 * check then sees the sharing as it was committed. One statement that locks and checks at once
 * would, after the wait, re-check the entry's row but still read the shares as they were before.
 */
export async function adoptEntry(
  scope: RegionScope,
  entryId: unknown,
  input: unknown,
): Promise<Result<{ id: string }>> {
  return inRegion(scope, knowledgePolicy.adoptEntry, async (tx) => {
    if (!isId(entryId)) return notFound();
    const held = await tx
      .selectFrom("knowledge_entries")
      .select("id")
      .where("id", "=", entryId)
      .forShare()
      .executeTakeFirst();
    if (!held) return notFound();
    const entry = await tx
      .selectFrom("knowledge_entries")
      .select(["id", "region_id"])
      .where("id", "=", entryId)
      .where(sharedFromElsewhere(scope.regionId))
      .executeTakeFirst();
    if (!entry) {
      const own = await tx
        .selectFrom("knowledge_entries")
        .select("id")
        .where("id", "=", entryId)
        .where("region_id", "=", scope.regionId)
        .executeTakeFirst();
      return own ? conflict("knowledge.adoptOwn") : notFound();
    }
    const v = validate(adoptionSchema, input);
    if (!v.ok) return v;
    const row = await tx
      .insertInto("knowledge_adoptions")
      .values({
        entry_id: entry.id,
        region_id: scope.regionId,
        tried: v.value.tried,
        outcome: v.value.outcome,
        note: v.value.note,
        ...(v.value.adoptedOn ? { adopted_on: v.value.adoptedOn } : {}),
        recorded_by: scope.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return ok(row);
  });
}

/** Records how an adoption of this region turned out (later than the adoption, usually). */
export async function recordAdoptionResult(
  scope: RegionScope,
  adoptionId: unknown,
  input: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: knowledgePolicy.recordAdoptionResult, table: "knowledge_adoptions", id: adoptionId },
    async (tx, adoption) => {
      const v = validate(resultSchema, input);
      if (!v.ok) return v;
      // One statement on the region's own row: the last result written is the result.
      await tx
        .updateTable("knowledge_adoptions")
        .set({
          outcome: v.value.outcome,
          note: v.value.note,
          recorded_by: scope.userId,
          updated_at: sql<Date>`now()`,
        })
        .where("id", "=", adoption.id)
        .execute();
      return ok(null);
    },
  );
}
