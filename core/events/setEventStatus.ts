import { sql } from "kysely";
import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { scheduleEventJobs } from "./eventJobs.ts";
import { eventPolicy } from "./policy.ts";

/**
 * Publishing puts the event on the public agenda; "draft" hides it again; "cancelled" only takes
 * it off. The organiser's cancel is `cancelEvent`, which also tells everyone who registered.
 */
export async function setEventStatus(
  scope: RegionScope,
  eventId: unknown,
  status: "draft" | "published" | "cancelled",
): Promise<Result<{ status: string }>> {
  // Locked: the reminder and follow-up jobs are planned from the status just written.
  return withRow(
    scope,
    { role: eventPolicy.setStatus, table: "events", id: eventId, lock: true },
    async (tx, event) => {
      await tx
        .updateTable("events")
        .set({ status, updated_at: sql`now()` })
        .where("id", "=", event.id)
        .execute();
      await scheduleEventJobs(tx, event.id);
      return ok({ status });
    },
  );
}
