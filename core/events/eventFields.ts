import type { Insertable } from "kysely";
import type { Database } from "../../db/schema.ts";
import { slugFrom } from "../kernel/slug.ts";
import type { Reader, Tx } from "../kernel/tx.ts";
import { isId } from "../kernel/validate.ts";
import type { EventInput } from "./schema.ts";

/** The event form's fields as columns; a mode drops the place or the link it does not use. */
export function eventColumns(v: EventInput) {
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

/**
 * The series the form chose, as a series of the region: null for none, false for an id that is
 * not one of the region's series (the form shows it as a wrong choice).
 */
export async function seriesInRegion(
  db: Reader,
  regionId: string,
  seriesId: string,
): Promise<string | null | false> {
  if (seriesId === "") return null;
  if (!isId(seriesId)) return false;
  const row = await db
    .selectFrom("event_series")
    .select("id")
    .where("id", "=", seriesId)
    .where("region_id", "=", regionId)
    .executeTakeFirst();
  return row ? row.id : false;
}

/**
 * Inserts an event under a free slug in its region: the title's, or with -2, -3… behind it. The
 * slugs read first are only a guess; the unique index on (region, slug) decides, so an event
 * created at the same moment with the same title makes this one try the next slug, never fail.
 */
export async function insertEvent(
  tx: Tx,
  values: Omit<Insertable<Database["events"]>, "slug">,
): Promise<{ id: string; slug: string }> {
  const base = slugFrom(values.title);
  for (let attempt = 0; attempt < 10; attempt++) {
    const taken = new Set(
      (
        await tx
          .selectFrom("events")
          .select("slug")
          .where("region_id", "=", values.region_id)
          .where("slug", "like", `${base}%`)
          .execute()
      ).map((r) => r.slug),
    );
    let slug = base;
    for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
    const row = await tx
      .insertInto("events")
      .values({ ...values, slug })
      .onConflict((oc) => oc.columns(["region_id", "slug"]).doNothing())
      .returning(["id", "slug"])
      .executeTakeFirst();
    if (row) return row;
  }
  throw new Error("could not find a free event slug");
}

/** The region's slug, for the links in mails (the event row carries only the region's id). */
export async function regionSlug(db: Reader, regionId: string): Promise<string> {
  const row = await db
    .selectFrom("regions")
    .select("slug")
    .where("id", "=", regionId)
    .executeTakeFirstOrThrow();
  return row.slug;
}
