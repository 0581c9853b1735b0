import { z } from "zod";
import { forbidden, notFound, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { id, validate } from "../kernel/validate.ts";

/**
 * Withdraws an invitation that has not been accepted yet, so its link stops working. The row is
 * deleted rather than marked: it holds an e-mail address that is no longer needed.
 */
export async function revokeInvitation(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ invitationId: string }>> {
  if (!hasRole(scope.role, "admin")) return forbidden();
  const parsed = validate(z.object({ invitationId: id() }), input);
  if (!parsed.ok) return notFound();
  const deleted = await scope.db
    .deleteFrom("invitations")
    .where("id", "=", parsed.value.invitationId)
    .where("region_id", "=", scope.regionId)
    .where("accepted_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  if (!deleted) return notFound();
  return ok({ invitationId: deleted.id });
}
