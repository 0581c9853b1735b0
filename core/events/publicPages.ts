import type { Db } from "../kernel/tx.ts";
import { isId } from "../kernel/validate.ts";
import { placesTaken, publicColumns, withPlaces } from "./eventRows.ts";
import { registrationFromToken } from "./register.ts";

/*
 * What the public pages read: no account, no region scope. Only published events (and cancelled
 * ones, so their page can say so), and a registration only through its signed link.
 */

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

/** The region's public agenda: published events that have not ended, soonest first. */
export async function publicAgenda(db: Db, regionId: string, now = new Date()) {
  const rows = await db
    .selectFrom("events as e")
    .select(publicColumns)
    .select(placesTaken)
    .where("e.region_id", "=", regionId)
    .where("e.status", "=", "published")
    .where("e.ends_at", ">", now)
    .orderBy("e.starts_at")
    .limit(500)
    .execute();
  return rows.map(withPlaces);
}

/** One published (or cancelled, so the page can say so) event by its address. */
export async function publicEvent(db: Db, regionId: string, slug: string) {
  const row = await db
    .selectFrom("events as e")
    .select(publicColumns)
    .select(placesTaken)
    .where("e.region_id", "=", regionId)
    .where("e.slug", "=", slug)
    .where("e.status", "in", ["published", "cancelled"])
    .executeTakeFirst();
  return row ? withPlaces(row) : null;
}

export async function seriesEvents(db: Db, seriesId: string) {
  return db
    .selectFrom("events")
    .select(["id", "slug", "title", "starts_at", "ends_at", "status"])
    .where("series_id", "=", seriesId)
    .where("status", "=", "published")
    .orderBy("starts_at")
    .execute();
}

export async function publicSeries(db: Db, regionId: string, slug: string) {
  return (
    (await db
      .selectFrom("event_series")
      .selectAll()
      .where("region_id", "=", regionId)
      .where("slug", "=", slug)
      .executeTakeFirst()) ?? null
  );
}

/** What the page behind the link in a registrant's mail shows; null for a bad or spent link. */
export async function registrationByToken(db: Db, token: string) {
  const id = await registrationFromToken(db, token);
  if (!id || !isId(id)) return null;
  const row = await db
    .selectFrom("registrations as g")
    .innerJoin("events as e", "e.id", "g.event_id")
    .innerJoin("regions as r", "r.id", "e.region_id")
    .select([
      "g.id",
      "g.name",
      "g.email",
      "g.status",
      "g.language",
      "e.id as event_id",
      "e.title",
      "e.slug",
      "e.starts_at",
      "e.ends_at",
      "e.mode",
      "e.address",
      "e.room",
      "e.online_url",
      "r.slug as region_slug",
      "r.name as region_name",
    ])
    .where("g.id", "=", id)
    // Once anonymised after the retention period, the link has expired.
    .where("g.anonymised_at", "is", null)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Everything stored about one registration, for the person it belongs to: what they gave, what
 * we added (status, check-in) and when. Reached only through the signed link in their mail.
 */
export async function registrationData(db: Db, token: string) {
  const id = await registrationFromToken(db, token);
  if (!id || !isId(id)) return null;
  const row = await db
    .selectFrom("registrations as g")
    .innerJoin("events as e", "e.id", "g.event_id")
    .select([
      "e.title as event",
      "e.starts_at as event_starts_at",
      "g.name",
      "g.email",
      "g.organisation",
      "g.sector",
      "g.role",
      "g.answers",
      "g.diet",
      "g.accessibility",
      "g.language",
      "g.status",
      "g.consent_at",
      "g.created_at",
      "g.updated_at",
      "g.cancelled_at",
      "g.promoted_at",
      "g.checked_in_at",
    ])
    .where("g.id", "=", id)
    .where("g.anonymised_at", "is", null)
    .executeTakeFirst();
  return row ?? null;
}
