import type { Db } from "../../db/client.ts";
import { isId } from "../kernel/validate.ts";

/** What the public event pages need of their region: look, privacy statement, retention. */
export async function publicEventRegion(db: Db, slug: string) {
  return (
    (await db
      .selectFrom("regions")
      .select([
        "id",
        "slug",
        "name",
        "primary_color",
        "logo_mime",
        "privacy_statement",
        "retention_months",
      ])
      .where("slug", "=", slug)
      .executeTakeFirst()) ?? null
  );
}

/** The series an event belongs to, for the "part of the series" line on its page. */
export async function publicSeriesById(db: Db, regionId: string, seriesId: string | null) {
  if (!seriesId || !isId(seriesId)) return null;
  return (
    (await db
      .selectFrom("event_series")
      .select(["id", "slug", "title", "registration_mode"])
      .where("id", "=", seriesId)
      .where("region_id", "=", regionId)
      .executeTakeFirst()) ?? null
  );
}

/** Where a visitor stands with an event's registration at this moment. */
export type Openness =
  | "open"
  | "waitlist"
  | "full"
  | "cancelled"
  | "started"
  | "closed"
  | "deadlinePassed"
  | "invitationOnly";

/**
 * The same rules as the registration itself (core/events/register.ts), read ahead for the page:
 * whether to show the form, with which button, or which notice instead. `hasInvitation` says a
 * visitor came with an invitation link (whether the link is good is checked on registering).
 */
export function openness(
  e: {
    status: string;
    starts_at: Date | string;
    registration_closed: boolean;
    registration_deadline: Date | string | null;
    invitation_only: boolean;
    capacity: number | null;
    waitlist: boolean;
    placesLeft: number | null;
  },
  opts: { now?: Date; hasInvitation: boolean },
): Openness {
  const now = (opts.now ?? new Date()).getTime();
  if (e.status === "cancelled") return "cancelled";
  if (new Date(e.starts_at).getTime() <= now) return "started";
  if (e.registration_closed) return "closed";
  if (e.registration_deadline && new Date(e.registration_deadline).getTime() < now)
    return "deadlinePassed";
  if (e.invitation_only && !opts.hasInvitation) return "invitationOnly";
  if (e.capacity !== null && (e.placesLeft ?? 0) <= 0) return e.waitlist ? "waitlist" : "full";
  return "open";
}

/** The HTTP status for a registration the event refuses (not the visitor's typing). */
export function refusalStatus(key: string): 400 | 403 | 409 | 410 {
  if (key === "events.started" || key === "events.deadlinePassed") return 410;
  if (key === "events.closed" || key === "events.full" || key === "events.notOpen") return 409;
  if (key === "events.invitationNeeded") return 403;
  return 400;
}
