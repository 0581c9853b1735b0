import { sql } from "kysely";
import { z } from "zod";
import type { Perspective } from "../kernel/sectors.ts";
import { forbidden, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { inPerspectiveOrder, unionTags } from "./schema.ts";

const mergeSchema = z.object({
  keepId: z.string().refine(isId),
  removeId: z.string().refine(isId),
});

/**
 * Merges two records of the same person: `keepId` stays, `removeId` is removed. Empty fields of
 * the one that stays are filled from the other; perspectives and expertise are combined. Both
 * must be people of the scope's region who have not been erased.
 */
export async function mergePeople(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ id: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  const parsed = mergeSchema.safeParse(input);
  if (!parsed.success) return notFound();
  const { keepId, removeId } = parsed.data;
  if (keepId === removeId) return fail("people.mergeSame");

  return scope.db.transaction().execute(async (trx) => {
    // Locked so that an edit or a second merge of either record waits for this one.
    const rows = await trx
      .selectFrom("people")
      .selectAll()
      .where("region_id", "=", scope.regionId)
      .where("id", "in", [keepId, removeId])
      .forUpdate()
      .execute();
    const keep = rows.find((r) => r.id === keepId);
    const remove = rows.find((r) => r.id === removeId);
    if (!keep || !remove) return notFound();
    if (keep.erased_at || remove.erased_at) return fail("people.mergeErased");

    const perspectives = inPerspectiveOrder([
      ...keep.perspectives,
      ...remove.perspectives,
    ] as Perspective[]);
    // The duplicate goes first: its e-mail address may be the one the kept record takes over.
    await trx.deleteFrom("people").where("id", "=", remove.id).execute();
    await trx
      .updateTable("people")
      .set({
        email: keep.email ?? remove.email,
        organisation_id: keep.organisation_id ?? remove.organisation_id,
        perspectives,
        expertise: unionTags(keep.expertise, remove.expertise),
        updated_at: sql`now()`,
      })
      .where("id", "=", keep.id)
      .execute();
    return ok({ id: keep.id });
  });
}
