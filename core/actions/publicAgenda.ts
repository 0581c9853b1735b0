import type { Db } from "../../db/client.ts";
import type { ActionStatus } from "../../db/schema.ts";
import { mixOf, type CoalitionMix } from "../coalitions/mix.ts";
import { day } from "./queries.ts";

/**
 * The action agenda as anyone sees it: the actions of the harvests whose agenda the region
 * published, each with its coalitions (lead, way of working, who they still look for), never
 * with members' names. Null when the region published no agenda, so the page answers 404.
 */

export interface PublicAction {
  id: string;
  title: string;
  goal: string;
  ownerOrganisation: string;
  partners: string;
  startsOn: string | null;
  endsOn: string | null;
  status: ActionStatus;
  progress: { note: string; createdAt: string }[];
  coalitions: {
    id: string;
    title: string;
    leadName: string;
    leadOrganisation: string;
    wayOfWorking: string;
    mix: CoalitionMix;
  }[];
}

export async function publicAgenda(db: Db, regionSlug: string) {
  const region = await db
    .selectFrom("regions")
    .select(["id", "slug", "name", "primary_color", "logo_mime"])
    .where("slug", "=", regionSlug)
    .executeTakeFirst();
  if (!region) return null;
  const harvests = await db
    .selectFrom("harvests")
    .select(["id", "slug", "title", "publication_public"])
    .where("region_id", "=", region.id)
    .where("agenda_public", "=", true)
    .orderBy("created_at", "desc")
    .execute();
  if (harvests.length === 0) return null;
  const harvestIds = harvests.map((h) => h.id);
  const actions = await db
    .selectFrom("actions")
    .select([
      "id",
      "harvest_id",
      "title",
      "goal",
      "owner_organisation",
      "partners",
      day("starts_on").as("starts_on"),
      day("ends_on").as("ends_on"),
      "status",
    ])
    .where("region_id", "=", region.id)
    .where("harvest_id", "in", harvestIds)
    .orderBy("position")
    .orderBy("created_at")
    .execute();
  const actionIds = actions.map((a) => a.id);
  const [progress, links, members] =
    actionIds.length === 0
      ? [[], [], []]
      : await Promise.all([
          db
            .selectFrom("action_progress")
            .select(["action_id", "note", "created_at"])
            .where("action_id", "in", actionIds)
            .orderBy("created_at", "desc")
            .execute(),
          db
            .selectFrom("coalition_actions as ca")
            .innerJoin("coalitions as c", "c.id", "ca.coalition_id")
            .select([
              "ca.action_id",
              "c.id",
              "c.title",
              "c.lead_name",
              "c.lead_organisation",
              "c.way_of_working",
            ])
            .where("ca.action_id", "in", actionIds)
            .where("c.region_id", "=", region.id)
            .orderBy("c.title")
            .execute(),
          db
            .selectFrom("coalition_members as m")
            .innerJoin("coalition_actions as ca", "ca.coalition_id", "m.coalition_id")
            .select(["m.coalition_id", "m.id", "m.sector", "m.perspective"])
            .where("ca.action_id", "in", actionIds)
            .where("m.status", "=", "member")
            .distinct()
            .execute(),
        ]);
  const mixes = new Map<string, CoalitionMix>();
  const mixFor = (coalitionId: string) => {
    let mix = mixes.get(coalitionId);
    if (!mix)
      mixes.set(coalitionId, (mix = mixOf(members.filter((m) => m.coalition_id === coalitionId))));
    return mix;
  };
  const toAction = (a: (typeof actions)[number]): PublicAction => ({
    id: a.id,
    title: a.title,
    goal: a.goal,
    ownerOrganisation: a.owner_organisation,
    partners: a.partners,
    startsOn: a.starts_on,
    endsOn: a.ends_on,
    status: a.status,
    progress: progress
      .filter((p) => p.action_id === a.id)
      .slice(0, 5)
      .map((p) => ({ note: p.note, createdAt: new Date(p.created_at).toISOString() })),
    coalitions: links
      .filter((l) => l.action_id === a.id)
      .map((l) => ({
        id: l.id,
        title: l.title,
        leadName: l.lead_name,
        leadOrganisation: l.lead_organisation,
        wayOfWorking: l.way_of_working,
        mix: mixFor(l.id),
      })),
  });
  return {
    region: {
      id: region.id,
      slug: region.slug,
      name: region.name,
      primaryColor: region.primary_color,
      hasLogo: region.logo_mime !== null,
    },
    harvests: harvests.map((h) => ({
      slug: h.slug,
      title: h.title,
      publicationPublic: h.publication_public,
      actions: actions.filter((a) => a.harvest_id === h.id).map(toAction),
    })),
  };
}
