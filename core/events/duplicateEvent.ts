import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { insertEvent } from "./eventFields.ts";
import { eventPolicy } from "./policy.ts";

const DAY = 24 * 3600 * 1000;

/**
 * A copy of an event as a new draft, one week later by default: the usual way to plan the next
 * session of a series. Registrations are not copied.
 */
export async function duplicateEvent(
  scope: RegionScope,
  eventId: unknown,
  opts: { shiftDays?: number } = {},
): Promise<Result<{ id: string; slug: string }>> {
  const shift = (opts.shiftDays ?? 7) * DAY;
  // No lock: the copy is of the event as read; the original is not written.
  return withRow(
    scope,
    { role: eventPolicy.duplicate, table: "events", id: eventId },
    async (tx, e) => {
      const title = e.title.length <= 190 ? `${e.title} (kopie)` : e.title;
      const at = (d: Date | string | null) => (d ? new Date(new Date(d).getTime() + shift) : null);
      const row = await insertEvent(tx, {
        region_id: e.region_id,
        series_id: e.series_id,
        kind: e.kind,
        title,
        summary: e.summary,
        programme: e.programme,
        language: e.language,
        mode: e.mode,
        address: e.address,
        room: e.room,
        online_url: e.online_url,
        starts_at: at(e.starts_at)!,
        ends_at: at(e.ends_at)!,
        organisers: e.organisers,
        facilitators: e.facilitators,
        cost_note: e.cost_note,
        capacity: e.capacity,
        waitlist: e.waitlist,
        registration_deadline: at(e.registration_deadline),
        invitation_only: e.invitation_only,
        reminder_days: e.reminder_days,
        questions: JSON.stringify(e.questions),
        follow_up_url: e.follow_up_url,
        created_by: scope.userId,
      });
      return ok(row);
    },
  );
}
