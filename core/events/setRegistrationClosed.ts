import { sql } from "kysely";
import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { eventPolicy } from "./policy.ts";

/** Closes registration before the deadline (or opens it again). */
export async function setRegistrationClosed(
  scope: RegionScope,
  eventId: unknown,
  closed: boolean,
): Promise<Result<{ closed: boolean }>> {
  // No lock: one statement that depends on nothing read.
  return withRow(
    scope,
    { role: eventPolicy.closeRegistration, table: "events", id: eventId },
    async (tx, event) => {
      await tx
        .updateTable("events")
        .set({ registration_closed: closed, updated_at: sql`now()` })
        .where("id", "=", event.id)
        .execute();
      return ok({ closed });
    },
  );
}
