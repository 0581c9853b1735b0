import { sql } from "kysely";
import { templateSchema, type LocalText } from "../dialogue/template.ts";
import { BUILTIN_TEMPLATES } from "../dialogue/templates/index.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { placesTaken, publicColumns, withPlaces } from "./eventRows.ts";

/*
 * What the organiser and facilitators read inside their region: every query filters on the
 * scope's region. (Registrations as the organiser lists them: adminQueries.ts.)
 */

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

/**
 * Figures for the organiser: places, waitlist, who came, and the sector mix of both. No-shows
 * exist only once the event has ended: before that, `noShow` is null (someone confirmed for next
 * month has not failed to come).
 */
export async function eventFigures(scope: RegionScope, eventId: string, now = new Date()) {
  if (!isId(eventId)) return null;
  const event = await scope.db
    .selectFrom("events")
    .select("ends_at")
    .where("region_id", "=", scope.regionId)
    .where("id", "=", eventId)
    .executeTakeFirst();
  if (!event) return null;
  const ended = new Date(event.ends_at).getTime() <= now.getTime();
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
  return { ...figures, noShow: ended ? figures.noShow : null, registered, attendedBySector };
}

/** The invitation links of one event of the region (their tokens are not kept). */
export async function listEventInvitations(scope: RegionScope, eventId: string) {
  if (!isId(eventId)) return [];
  return scope.db
    .selectFrom("event_invitations as i")
    .innerJoin("events as e", "e.id", "i.event_id")
    .select(["i.id", "i.label", "i.max_uses", "i.uses", "i.created_at", "i.revoked_at"])
    .where("e.region_id", "=", scope.regionId)
    .where("i.event_id", "=", eventId)
    .orderBy("i.created_at")
    .execute();
}

/** The live dialogue sessions an event holds, oldest first. */
export async function eventDialogues(scope: RegionScope, eventId: string) {
  if (!isId(eventId)) return [];
  return scope.db
    .selectFrom("dialogue_sessions")
    .select(["id", "title", "join_code", "status", "created_at"])
    .where("region_id", "=", scope.regionId)
    .where("event_id", "=", eventId)
    .orderBy("created_at")
    .execute();
}

/** What a session for an event can start from: the shipped templates, then the region's own. */
export async function dialogueTemplateChoices(
  scope: RegionScope,
): Promise<{ value: string; title: LocalText }[]> {
  const own = await scope.db
    .selectFrom("dialogue_templates")
    .select(["id", "title", "content"])
    .where("region_id", "=", scope.regionId)
    .orderBy("title")
    .execute();
  return [
    ...BUILTIN_TEMPLATES.map((b) => ({ value: b.key, title: b.template.title })),
    ...own.map((r) => {
      const parsed = templateSchema.safeParse(r.content);
      return {
        value: r.id,
        title: parsed.success ? parsed.data.title : { nl: r.title, en: r.title },
      };
    }),
  ];
}
