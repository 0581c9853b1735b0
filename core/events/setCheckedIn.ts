import { sql } from "kysely";
import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { eventPolicy } from "./policy.ts";

/** Check-in on the day, one tap per person; tapping again undoes a mistake. */
export async function setCheckedIn(
  scope: RegionScope,
  eventId: unknown,
  registrationId: unknown,
  present: boolean,
): Promise<Result<{ present: boolean }>> {
  // No lock: one statement, and only someone with a place at this event is checked in.
  return withRow(
    scope,
    { role: eventPolicy.checkIn, table: "events", id: eventId },
    async (tx, event) => {
      if (!isId(registrationId)) return notFound();
      const row = await tx
        .updateTable("registrations")
        .set({ checked_in_at: present ? sql`now()` : null, updated_at: sql`now()` })
        .where("id", "=", registrationId)
        .where("event_id", "=", event.id)
        .where("status", "=", "confirmed")
        .returning("id")
        .executeTakeFirst();
      return row ? ok({ present }) : notFound();
    },
  );
}
