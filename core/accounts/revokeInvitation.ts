import { z } from "zod";
import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { accountsPolicy } from "./policy.ts";

const revokeSchema = z.object({ invitationId: z.unknown() });

/**
 * Withdraws an invitation that has not been accepted yet, so its link stops working. The row is
 * deleted rather than marked: it holds an e-mail address that is no longer needed.
 */
export async function revokeInvitation(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ invitationId: string }>> {
  const { invitationId } = revokeSchema.catch({ invitationId: null }).parse(input);
  return withRow(
    scope,
    { role: accountsPolicy.revokeInvitation, table: "invitations", id: invitationId },
    async (tx, invitation) => {
      // One statement decides: an invitation accepted since it was read is no longer revoked.
      const deleted = await tx
        .deleteFrom("invitations")
        .where("id", "=", invitation.id)
        .where("accepted_at", "is", null)
        .returning("id")
        .executeTakeFirst();
      return deleted ? ok({ invitationId: deleted.id }) : notFound();
    },
  );
}
