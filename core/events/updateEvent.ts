import { sql } from "kysely";
import { withRow } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { scheduleEventJobs } from "./eventJobs.ts";
import { eventColumns, seriesInRegion } from "./eventFields.ts";
import { eventPolicy } from "./policy.ts";
import { fillFromWaitlist } from "./register.ts";
import { eventSchema } from "./schema.ts";

/**
 * Saves the event's details. A larger capacity lets the waitlist move up at once (and tells the
 * people who got a place); a smaller one never cancels anyone who already has a place.
 */
export async function updateEvent(
  scope: RegionScope,
  eventId: unknown,
  input: unknown,
  opts: { publicUrl: string },
): Promise<Result<{ promoted: number }>> {
  // Locked: the capacity decides who moves up from the waitlist, as for every change of places.
  return withRow(
    scope,
    { role: eventPolicy.editEvent, table: "events", id: eventId, lock: true },
    async (tx, event) => {
      const parsed = validate(eventSchema, input);
      if (!parsed.ok) return parsed;
      const series = await seriesInRegion(tx, scope.regionId, parsed.value.seriesId);
      if (series === false)
        return fail("validation.failed", { seriesId: { key: "validation.choice" } });
      await tx
        .updateTable("events")
        .set({ ...eventColumns(parsed.value), series_id: series, updated_at: sql`now()` })
        .where("id", "=", event.id)
        .execute();
      const promoted = await fillFromWaitlist(tx, event.id, opts);
      await scheduleEventJobs(tx, event.id);
      return ok({ promoted });
    },
  );
}
