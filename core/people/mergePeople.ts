import { sql } from "kysely";
import { z } from "zod";
import type { Perspective } from "../kernel/sectors.ts";
import { withRow } from "../kernel/guard.ts";
import { fail, notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { peoplePolicy } from "./policy.ts";
import { moveChallengeParty } from "../challenges/moveParty.ts";
import { moveDeclaredTies } from "../network/moveTies.ts";
import { holdCoalitionsNaming, moveCoalitionParty } from "../coalitions/parties.ts";
import { holdActionsNaming, moveActionParty } from "../actions/parties.ts";
import { moveAuthorship } from "../knowledge/evidence.ts";
import { inPerspectiveOrder, unionTags } from "./schema.ts";

/** `keepId` is the guarded row's (the guard parses it); `removeId` is read under its lock. */
const mergeSchema = z.object({
  keepId: z.unknown(),
  removeId: z.string().refine(isId).catch(""),
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
  const { keepId, removeId } = mergeSchema.catch({ keepId: null, removeId: "" }).parse(input);
  return withRow(
    scope,
    { role: peoplePolicy.mergePeople, table: "people", id: keepId },
    async (tx, kept) => {
      if (removeId === "") return notFound();
      if (removeId === kept.id) return fail("people.mergeSame");
      if (!isId(removeId)) return notFound();
      // The actions and coalitions that name either person first, in the order saving one of
      // them takes its locks (see holdActionsNaming), then the two people.
      await holdActionsNaming(tx, [kept.id, removeId]);
      await holdCoalitionsNaming(tx, [kept.id, removeId]);
      // Both rows are locked, in id order, in one statement: an edit, an erasure or a second merge
      // of either waits for this one, and two merges of the same pair in opposite directions
      // cannot each hold one row and wait for the other. They are read again under the lock.
      const rows = await tx
        .selectFrom("people")
        .selectAll()
        .where("region_id", "=", scope.regionId)
        .where("id", "in", [kept.id, removeId])
        .orderBy("id")
        .forUpdate()
        .execute();
      const keep = rows.find((r) => r.id === kept.id);
      const remove = rows.find((r) => r.id === removeId);
      if (!keep || !remove) return notFound();
      if (keep.erased_at || remove.erased_at) return fail("people.mergeErased");

      const perspectives = inPerspectiveOrder([
        ...keep.perspectives,
        ...remove.perspectives,
      ] as Perspective[]);
      await moveChallengeParty(tx, remove.id, keep.id);
      await moveDeclaredTies(tx, remove.id, keep.id);
      await moveCoalitionParty(tx, remove.id, keep.id);
      await moveActionParty(tx, remove.id, keep.id);
      await moveAuthorship(tx, remove.id, keep.id);
      // The duplicate goes first: its e-mail address may be the one the kept record takes over.
      await tx.deleteFrom("people").where("id", "=", remove.id).execute();
      await tx
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
    },
  );
}
