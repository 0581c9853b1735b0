import { withRow } from "../kernel/guard.ts";
import { fail, notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { networkPolicy } from "./policy.ts";
import { declaredTieSchema } from "./schema.ts";

/**
 * "Works with": a coordinator records a tie between two people of the region (from one's page).
 * Stored once per pair and kind (smaller id first); recording it again changes nothing (the
 * unique index; one statement). The other person is read within the region, so an id from
 * another region is "not found".
 */
export async function recordTie(
  scope: RegionScope,
  personId: unknown,
  input: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: networkPolicy.recordTie, table: "people", id: personId },
    async (tx, person) => {
      const v = validate(declaredTieSchema, input);
      if (!v.ok) return v;
      if (v.value.other === person.id)
        return fail("network.selfTie", { other: { key: "network.selfTie" } });
      // Both people are held FOR SHARE, in id order, and read again under the lock: a merge or
      // an erasure of either (which locks them FOR UPDATE) finishes first and the tie is "not
      // found", instead of the insert failing on a removed row's foreign key.
      const both = await tx
        .selectFrom("people")
        .select("id")
        .where("id", "in", [person.id, v.value.other])
        .where("region_id", "=", scope.regionId)
        .where("erased_at", "is", null)
        .orderBy("id")
        .forShare()
        .execute();
      if (both.length !== 2) return notFound();
      const [a, b] = [both[0]!.id, both[1]!.id];
      await tx
        .insertInto("network_ties")
        .values({
          region_id: scope.regionId,
          person_a: a,
          person_b: b,
          kind: v.value.kind,
          note: v.value.note,
          recorded_by: scope.userId,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return ok(null);
    },
  );
}
