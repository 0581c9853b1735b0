import { sql } from "kysely";
import { eventQuestionsSchema, type EventQuestion } from "./schema.ts";

/** What both the public pages and the organiser read of an event. */
export const publicColumns = [
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
export const placesTaken = [
  sql<string>`(SELECT count(*) FROM registrations g WHERE g.event_id = e.id AND g.status = 'confirmed')`.as(
    "confirmed",
  ),
  sql<string>`(SELECT count(*) FROM registrations g WHERE g.event_id = e.id AND g.status = 'waitlisted')`.as(
    "waitlisted",
  ),
];

/** The counts as numbers, the places left, and the organiser's questions parsed. */
export function withPlaces<
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
