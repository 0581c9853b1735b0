import { sql } from "kysely";
import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { eventPolicy } from "./policy.ts";

/** The invitation link stops working; registrations made with it stay. */
export async function revokeEventInvitation(
  scope: RegionScope,
  eventId: unknown,
  invitationId: unknown,
): Promise<Result<{ revoked: boolean }>> {
  // No lock: one statement, on an invitation of this event only.
  return withRow(
    scope,
    { role: eventPolicy.revokeInvitation, table: "events", id: eventId },
    async (tx, event) => {
      if (!isId(invitationId)) return notFound();
      const row = await tx
        .updateTable("event_invitations")
        .set({ revoked_at: sql`now()` })
        .where("id", "=", invitationId)
        .where("event_id", "=", event.id)
        .returning("id")
        .executeTakeFirst();
      return row ? ok({ revoked: true }) : notFound();
    },
  );
}
