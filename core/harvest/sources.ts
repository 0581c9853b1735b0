import { z } from "zod";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";

export interface HarvestSources {
  sessions: { id: string; title: string; createdAt: Date; answers: number }[];
  /** Events, with the dialogue sessions attached to them (their answers are gathered too). */
  events: { id: string; title: string; startsAt: Date; sessions: number }[];
}

/** A source named in a form: a dialogue session or an event, by id. */
export const sourceSchema = z.object({
  source: z.enum(["session", "event"]),
  sourceId: z.string().refine(isId),
});

/** The sessions and events that feed a harvest, with titles, for its overview. */
export async function listSources(scope: RegionScope, harvestId: string): Promise<HarvestSources> {
  if (!isId(harvestId)) return { sessions: [], events: [] };
  const [sessions, events] = await Promise.all([
    scope.db
      .selectFrom("harvest_sources as hs")
      .innerJoin("harvests as h", "h.id", "hs.harvest_id")
      .innerJoin("dialogue_sessions as s", "s.id", "hs.dialogue_session_id")
      .select((eb) => [
        "s.id",
        "s.title",
        "s.created_at",
        eb
          .selectFrom("dialogue_answers as a")
          .select(eb.fn.countAll<string>().as("n"))
          .whereRef("a.session_id", "=", "s.id")
          .as("answers"),
      ])
      .where("h.region_id", "=", scope.regionId)
      .where("s.region_id", "=", scope.regionId)
      .where("hs.harvest_id", "=", harvestId)
      .orderBy("s.created_at")
      .execute(),
    scope.db
      .selectFrom("harvest_sources as hs")
      .innerJoin("harvests as h", "h.id", "hs.harvest_id")
      .innerJoin("events as e", "e.id", "hs.event_id")
      .select((eb) => [
        "e.id",
        "e.title",
        "e.starts_at",
        eb
          .selectFrom("dialogue_sessions as s")
          .select(eb.fn.countAll<string>().as("n"))
          .whereRef("s.event_id", "=", "e.id")
          .where("s.region_id", "=", scope.regionId)
          .as("sessions"),
      ])
      .where("h.region_id", "=", scope.regionId)
      .where("e.region_id", "=", scope.regionId)
      .where("hs.harvest_id", "=", harvestId)
      .orderBy("e.starts_at")
      .execute(),
  ]);
  return {
    sessions: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      createdAt: new Date(s.created_at),
      answers: Number(s.answers ?? 0),
    })),
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      startsAt: new Date(e.starts_at),
      sessions: Number(e.sessions ?? 0),
    })),
  };
}

/** Sessions and events of the region that are not yet a source of the harvest, newest first. */
export async function sourceChoices(scope: RegionScope, harvestId: string) {
  if (!isId(harvestId)) return { sessions: [], events: [] };
  const [sessions, events] = await Promise.all([
    scope.db
      .selectFrom("dialogue_sessions as s")
      .select(["s.id", "s.title", "s.created_at"])
      .where("s.region_id", "=", scope.regionId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("harvest_sources as hs")
              .select("hs.harvest_id")
              .where("hs.harvest_id", "=", harvestId)
              .whereRef("hs.dialogue_session_id", "=", "s.id"),
          ),
        ),
      )
      .orderBy("s.created_at", "desc")
      .limit(500)
      .execute(),
    scope.db
      .selectFrom("events as e")
      .select(["e.id", "e.title", "e.starts_at"])
      .where("e.region_id", "=", scope.regionId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("harvest_sources as hs")
              .select("hs.harvest_id")
              .where("hs.harvest_id", "=", harvestId)
              .whereRef("hs.event_id", "=", "e.id"),
          ),
        ),
      )
      .orderBy("e.starts_at", "desc")
      .limit(500)
      .execute(),
  ]);
  return {
    sessions: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      createdAt: new Date(s.created_at),
    })),
    events: events.map((e) => ({ id: e.id, title: e.title, startsAt: new Date(e.starts_at) })),
  };
}
