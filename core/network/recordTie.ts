import { inRegion, withRow } from "../kernel/guard.ts";
import { fail, notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import type { Tx } from "../kernel/tx.ts";
import { validate } from "../kernel/validate.ts";
import { networkPolicy } from "./policy.ts";
import { personOfAccount } from "./queries.ts";
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
    (tx, person) => insertTie(tx, scope, person.id, input),
  );
}

/**
 * "I work with": a member of the region records a tie between themselves (the register's
 * person with their verified account address) and another person of the region.
 */
export async function recordOwnTie(scope: RegionScope, input: unknown): Promise<Result<null>> {
  return inRegion(scope, networkPolicy.recordOwnTie, async (tx) => {
    const me = await personOfAccount({ ...scope, db: tx });
    if (!me) return notFound();
    return insertTie(tx, scope, me.id, input);
  });
}

/** The tie itself, from one person (already the region's) to the one the input names. */
async function insertTie(
  tx: Tx,
  scope: RegionScope,
  personId: string,
  input: unknown,
): Promise<Result<null>> {
  const v = validate(declaredTieSchema, input);
  if (!v.ok) return v;
  if (v.value.other === personId)
    return fail("network.selfTie", { other: { key: "network.selfTie" } });
  // Both people are held FOR SHARE, in id order, and read again under the lock: a merge or an
  // erasure of either (which locks them FOR UPDATE) finishes first and the tie is "not found",
  // instead of the insert failing on a removed row's foreign key.
  const both = await tx
    .selectFrom("people")
    .select("id")
    .where("id", "in", [personId, v.value.other])
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
}
