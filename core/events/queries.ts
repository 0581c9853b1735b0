import { sql } from "kysely";
import type { Db } from "../../db/client.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { eventQuestionsSchema, type EventQuestion } from "./schema.ts";

const publicColumns = [
  "e.id",
  "e.slug",
  "e.kind",
  "e.title",
  "e.summary",
  "e.programme",
  "e.language",
  "e.mode",
  "e.address",
  "e.room",
  "e.starts_at",
  "e.ends_at",
  "e.organisers",
  "e.facilitators",
  "e.cost_note",
  "e.capacity",
  "e.waitlist",
  "e.registration_deadline",
  "e.registration_closed",
  "e.invitation_only",
  "e.questions",
  "e.status",
  "e.series_id",
  "e.updated_at",
] as const;

/**
 * Places taken and people waiting, counted per event row through the (event_id, status) index:
 * a page about one event never counts the registrations of every event.
 */
const placesTaken = [
  sql<string>`(SELECT count(*) FROM registrations g WHERE g.event_id = e.id AND g.status = 'confirmed')`.as(
    "confirmed",
  ),
  sql<string>`(SELECT count(*) FROM registrations g WHERE g.event_id = e.id AND g.status = 'waitlisted')`.as(
    "waitlisted",
  ),
];

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

function withPlaces<
  T extends {
    capacity: number | null;
    confirmed: string | null;
    waitlisted: string | null;
    questions: unknown;
  },
>(r: T) {
  const confirmed = Number(r.confirmed ?? 0);
  const parsed = eventQuestionsSchema.safeParse(r.questions);
  return {
    ...r,
    questions: (parsed.success ? parsed.data : []) as EventQuestion[],
    confirmed,
    waitlisted: Number(r.waitlisted ?? 0),
    placesLeft: r.capacity === null ? null : Math.max(0, r.capacity - confirmed),
  };
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

/** Inside the region: every event, drafts too, with its figures. */
export async function listEvents(scope: RegionScope) {
  const rows = await scope.db
    .selectFrom("events as e")
    .leftJoin("event_series as s", "s.id", "e.series_id")
    .select(publicColumns)
    .select(placesTaken)
    .select("s.title as series_title")
    .where("e.region_id", "=", scope.regionId)
    .orderBy("e.starts_at", "desc")
    .limit(1000)
    .execute();
  return rows.map(withPlaces);
}

/** One event of the scope's region with everything the organiser sees; null for another region's. */
export async function findEvent(scope: RegionScope, id: string) {
  if (!isId(id)) return null;
  const row = await scope.db
    .selectFrom("events as e")
    .selectAll("e")
    .select(placesTaken)
    .where("e.region_id", "=", scope.regionId)
    .where("e.id", "=", id)
    .executeTakeFirst();
  return row ? withPlaces(row) : null;
}

export async function listSeries(scope: RegionScope) {
  return scope.db
    .selectFrom("event_series")
    .selectAll()
    .where("region_id", "=", scope.regionId)
    .orderBy("title")
    .execute();
}

export interface RegistrationFilter {
  status?: "confirmed" | "waitlisted" | "cancelled" | "";
  q?: string;
  sector?: string;
}

/** Registrations of one event of the scope's region, filtered; the waitlist in its order. */
export async function listRegistrations(
  scope: RegionScope,
  eventId: string,
  filter: RegistrationFilter = {},
) {
  if (!isId(eventId)) return [];
  let q = scope.db
    .selectFrom("registrations")
    .select([
      "id",
      "seq",
      "name",
      "email",
      "organisation",
      "sector",
      "role",
      "answers",
      "diet",
      "accessibility",
      "status",
      "checked_in_at",
      "created_at",
      "promoted_at",
      "cancelled_at",
      "anonymised_at",
    ])
    .where("region_id", "=", scope.regionId)
    .where("event_id", "=", eventId);
  if (filter.status) q = q.where("status", "=", filter.status);
  if (filter.sector) q = q.where("sector", "=", filter.sector);
  if (filter.q && filter.q.trim() !== "") {
    const like = `%${filter.q
      .trim()
      .toLowerCase()
      .replace(/[%_\\]/g, "\\$&")}%`;
    q = q.where((eb) =>
      eb.or([
        eb(eb.fn("lower", ["name"]), "like", like),
        eb("email", "like", like),
        eb(eb.fn("lower", ["organisation"]), "like", like),
      ]),
    );
  }
  return q.orderBy("status").orderBy("seq").limit(20_000).execute();
}

/** Figures for the organiser: places, waitlist, who came, and the sector mix of both. */
export async function eventFigures(scope: RegionScope, eventId: string) {
  if (!isId(eventId)) return null;
  const rows = await scope.db
    .selectFrom("registrations")
    .select(["status", "sector", sql<boolean>`checked_in_at IS NOT NULL`.as("attended")])
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("region_id", "=", scope.regionId)
    .where("event_id", "=", eventId)
    .groupBy(["status", "sector", sql`checked_in_at IS NOT NULL`])
    .execute();
  const figures = { confirmed: 0, waitlisted: 0, cancelled: 0, attended: 0, noShow: 0 };
  const registered: Record<string, number> = {};
  const attendedBySector: Record<string, number> = {};
  for (const r of rows) {
    const n = Number(r.n);
    figures[r.status as "confirmed" | "waitlisted" | "cancelled"] += n;
    const sector = r.sector ?? "unknown";
    if (r.status === "confirmed") registered[sector] = (registered[sector] ?? 0) + n;
    if (r.attended) {
      figures.attended += n;
      attendedBySector[sector] = (attendedBySector[sector] ?? 0) + n;
    } else if (r.status === "confirmed") figures.noShow += n;
  }
  return { ...figures, registered, attendedBySector };
}
