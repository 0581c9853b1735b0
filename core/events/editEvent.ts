import { sql } from "kysely";
import type { Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";
import { forbidden, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { isId, validate } from "../kernel/validate.ts";
import { fillFromWaitlist } from "./register.ts";
import { scheduleEventJobs } from "./eventJobs.ts";
import { eventSchema, type EventInput } from "./schema.ts";
import { slugFrom } from "../kernel/slug.ts";

function columns(v: EventInput) {
  return {
    title: v.title,
    kind: v.kind,
    summary: v.summary,
    programme: v.programme,
    language: v.language,
    mode: v.mode,
    address: v.mode === "online" ? "" : v.address,
    room: v.mode === "online" ? "" : v.room,
    online_url: v.mode === "on_site" ? "" : v.onlineUrl,
    starts_at: v.startsAt,
    ends_at: v.endsAt,
    organisers: v.organisers,
    facilitators: v.facilitators,
    cost_note: v.costNote,
    capacity: v.capacity,
    waitlist: v.waitlist,
    registration_deadline: v.registrationDeadline,
    invitation_only: v.invitationOnly,
    reminder_days: v.reminderDays,
    follow_up_url: v.followUpUrl,
  };
}

async function seriesOf(scope: RegionScope, seriesId: string): Promise<string | null | false> {
  if (seriesId === "") return null;
  if (!isId(seriesId)) return false;
  const row = await scope.db
    .selectFrom("event_series")
    .select("id")
    .where("id", "=", seriesId)
    .where("region_id", "=", scope.regionId)
    .executeTakeFirst();
  return row ? row.id : false;
}

/** A free slug in the region: the title's, or with -2, -3… behind it. */
async function freeSlug(
  db: Transaction<Database> | RegionScope["db"],
  regionId: string,
  title: string,
): Promise<string> {
  const base = slugFrom(title);
  const taken = new Set(
    (
      await db
        .selectFrom("events")
        .select("slug")
        .where("region_id", "=", regionId)
        .where("slug", "like", `${base}%`)
        .execute()
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** A new event, as a draft: nobody sees it until it is published. Organisers and admins. */
export async function createEvent(
  scope: RegionScope,
  input: unknown,
): Promise<Result<{ id: string; slug: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  const parsed = validate(eventSchema, input);
  if (!parsed.ok) return parsed;
  const series = await seriesOf(scope, parsed.value.seriesId);
  if (series === false)
    return fail("validation.failed", { seriesId: { key: "validation.choice" } });
  return scope.db.transaction().execute(async (trx) => {
    const slug = await freeSlug(trx, scope.regionId, parsed.value.title);
    const row = await trx
      .insertInto("events")
      .values({
        ...columns(parsed.value),
        region_id: scope.regionId,
        series_id: series,
        slug,
        created_by: scope.userId,
      })
      .returning(["id", "slug"])
      .executeTakeFirstOrThrow();
    return ok(row);
  });
}

/**
 * Saves the event's details. A larger capacity lets the waitlist move up at once (and tells the
 * people who got a place); a smaller one never cancels anyone who already has a place.
 */
export async function updateEvent(
  scope: RegionScope,
  eventId: string,
  input: unknown,
  opts: { publicUrl: string },
): Promise<Result<{ promoted: number }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!isId(eventId)) return notFound();
  const parsed = validate(eventSchema, input);
  if (!parsed.ok) return parsed;
  const series = await seriesOf(scope, parsed.value.seriesId);
  if (series === false)
    return fail("validation.failed", { seriesId: { key: "validation.choice" } });
  return scope.db.transaction().execute(async (trx) => {
    const event = await trx
      .updateTable("events")
      .set({ ...columns(parsed.value), series_id: series, updated_at: sql`now()` })
      .where("id", "=", eventId)
      .where("region_id", "=", scope.regionId)
      .returning("id")
      .executeTakeFirst();
    if (!event) return notFound();
    const promoted = await fillFromWaitlist(trx, eventId, opts);
    await scheduleEventJobs(trx, eventId);
    return ok({ promoted });
  });
}

/**
 * Publishing puts the event on the public agenda; "draft" hides it again; "cancelled" only takes
 * it off. The organiser's cancel is `cancelEvent` (cancelEvent.ts), which also tells everyone who
 * registered.
 */
export async function setEventStatus(
  scope: RegionScope,
  eventId: string,
  status: "draft" | "published" | "cancelled",
): Promise<Result<{ status: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!isId(eventId)) return notFound();
  return scope.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("events")
      .set({ status, updated_at: sql`now()` })
      .where("id", "=", eventId)
      .where("region_id", "=", scope.regionId)
      .returning("id")
      .executeTakeFirst();
    if (!row) return notFound();
    await scheduleEventJobs(trx, eventId);
    return ok({ status });
  });
}

/** Closes registration before the deadline (or opens it again). */
export async function setRegistrationClosed(
  scope: RegionScope,
  eventId: string,
  closed: boolean,
): Promise<Result<{ closed: boolean }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!isId(eventId)) return notFound();
  const row = await scope.db
    .updateTable("events")
    .set({ registration_closed: closed, updated_at: sql`now()` })
    .where("id", "=", eventId)
    .where("region_id", "=", scope.regionId)
    .returning("id")
    .executeTakeFirst();
  return row ? ok({ closed }) : notFound();
}

/**
 * A copy of an event as a new draft, one week later by default: the usual way to plan the next
 * session of a series. Registrations are not copied.
 */
export async function duplicateEvent(
  scope: RegionScope,
  eventId: string,
  opts: { shiftDays?: number } = {},
): Promise<Result<{ id: string; slug: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!isId(eventId)) return notFound();
  const shift = (opts.shiftDays ?? 7) * 24 * 3600 * 1000;
  return scope.db.transaction().execute(async (trx) => {
    const e = await trx
      .selectFrom("events")
      .selectAll()
      .where("id", "=", eventId)
      .where("region_id", "=", scope.regionId)
      .executeTakeFirst();
    if (!e) return notFound();
    const title = e.title.length <= 190 ? `${e.title} (kopie)` : e.title;
    const slug = await freeSlug(trx, scope.regionId, title);
    const at = (d: Date | string | null) => (d ? new Date(new Date(d).getTime() + shift) : null);
    const row = await trx
      .insertInto("events")
      .values({
        region_id: e.region_id,
        series_id: e.series_id,
        slug,
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
      })
      .returning(["id", "slug"])
      .executeTakeFirstOrThrow();
    return ok(row);
  });
}
