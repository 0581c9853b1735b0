import { z } from "zod";
import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { id, validate } from "../kernel/validate.ts";
import { coalitionPolicy } from "./policy.ts";

export const decisionSchema = z.object({
  memberId: id(),
  decision: z.enum(["accept", "decline", "remove"], { error: "validation.choice" }),
});

/**
 * Accepts or declines someone who expressed interest, or removes a member. Removing deletes the
 * row: nothing of them stays behind.
 */
export async function decideMember(
  scope: RegionScope,
  coalitionId: unknown,
  input: unknown,
): Promise<Result<null>> {
  // The coalition is locked while its membership changes; each decision is one statement on a
  // member of this coalition only (a member row has no region of its own: its coalition's counts).
  return withRow(
    scope,
    { role: coalitionPolicy.decideMember, table: "coalitions", id: coalitionId, lock: true },
    async (tx, coalition) => {
      const v = validate(decisionSchema, input);
      if (!v.ok) return notFound();
      const { memberId, decision } = v.value;
      const n =
        decision === "remove"
          ? (
              await tx
                .deleteFrom("coalition_members")
                .where("id", "=", memberId)
                .where("coalition_id", "=", coalition.id)
                .executeTakeFirst()
            ).numDeletedRows
          : (
              await tx
                .updateTable("coalition_members")
                .set({ status: decision === "accept" ? "member" : "declined" })
                .where("id", "=", memberId)
                .where("coalition_id", "=", coalition.id)
                .executeTakeFirst()
            ).numUpdatedRows;
      return Number(n) === 1 ? ok(null) : notFound();
    },
  );
}
