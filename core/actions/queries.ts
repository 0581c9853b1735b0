import { sql } from "kysely";
import type { ActionStatus } from "../../db/schema.ts";

export type { ActionStatus };
import { may, type RegionScope } from "../kernel/scope.ts";
import { actionPolicy } from "./policy.ts";
import { isId } from "../kernel/validate.ts";

/** A date column as "yyyy-mm-dd", as the form and the page show it, whatever the driver's time zone. */
export const day = (column: string) =>
  sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

/**
 * Reading the action agenda. "The contributions behind an action" are the visible, unmerged
 * contributions it is linked to directly plus those in the themes it answers, each counted once.
 */

export interface ActionListItem {
  id: string;
  title: string;
  status: ActionStatus;
  ownerOrganisation: string;
  startsOn: string | null;
  endsOn: string | null;
  harvestId: string | null;
  harvestTitle: string | null;
  behind: number;
  coalitions: { id: string; title: string }[];
}

/** The contributions behind each of the given actions: (action id, contribution id, theme id?). */
function behindRows(scope: RegionScope, actionIds: string[]) {
  return scope.db
    .selectFrom("action_sources as s")
    .innerJoin("contributions as c", (j) =>
      j.on((eb) =>
        eb.or([
          eb("c.id", "=", eb.ref("s.contribution_id")),
          eb("c.theme_id", "=", eb.ref("s.theme_id")),
        ]),
      ),
    )
    .select(["s.action_id", "c.id", "s.theme_id"])
    .where("s.action_id", "in", actionIds)
    .where("c.region_id", "=", scope.regionId)
    .where("c.hidden", "=", false)
    .where("c.merged_into_id", "is", null);
}

async function behindCounts(scope: RegionScope, actionIds: string[]) {
  const counts = new Map<string, number>();
  if (actionIds.length === 0) return counts;
  const rows = await scope.db
    .selectFrom(behindRows(scope, actionIds).as("b"))
    .select(["b.action_id", sql<number>`count(distinct b.id)::int`.as("n")])
    .groupBy("b.action_id")
    .execute();
  for (const r of rows) counts.set(r.action_id, r.n);
  return counts;
}

async function coalitionsOf(scope: RegionScope, actionIds: string[]) {
  const map = new Map<string, { id: string; title: string }[]>();
  if (actionIds.length === 0) return map;
  const rows = await scope.db
    .selectFrom("coalition_actions as ca")
    .innerJoin("coalitions as co", "co.id", "ca.coalition_id")
    .select(["ca.action_id", "co.id", "co.title"])
    .where("ca.action_id", "in", actionIds)
    .where("co.region_id", "=", scope.regionId)
    .orderBy("co.title")
    .execute();
  for (const r of rows) map.set(r.action_id, [...(map.get(r.action_id) ?? []), r]);
  return map;
}

/** Every action of the region in agenda order, with its harvest, coalitions and count behind it. */
export async function listActions(scope: RegionScope): Promise<ActionListItem[]> {
  if (!may(scope, actionPolicy.manage)) return [];
  const rows = await scope.db
    .selectFrom("actions as a")
    .leftJoin("harvests as h", "h.id", "a.harvest_id")
    .select([
      "a.id",
      "a.title",
      "a.status",
      "a.owner_organisation",
      day("a.starts_on").as("starts_on"),
      day("a.ends_on").as("ends_on"),
      "a.harvest_id",
      "h.title as harvest_title",
    ])
    .where("a.region_id", "=", scope.regionId)
    .orderBy("a.position")
    .orderBy("a.created_at")
    .execute();
  const ids = rows.map((r) => r.id);
  const [counts, coalitions] = await Promise.all([
    behindCounts(scope, ids),
    coalitionsOf(scope, ids),
  ]);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    ownerOrganisation: r.owner_organisation,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    harvestId: r.harvest_id,
    harvestTitle: r.harvest_title,
    behind: counts.get(r.id) ?? 0,
    coalitions: coalitions.get(r.id) ?? [],
  }));
}

/** One action with everything its page shows; null for another region's or a missing one. */
export async function getAction(scope: RegionScope, actionId: string) {
  if (!may(scope, actionPolicy.manage) || !isId(actionId)) return null;
  const action = await scope.db
    .selectFrom("actions as a")
    .leftJoin("harvests as h", "h.id", "a.harvest_id")
    .select([
      "a.id",
      "a.title",
      "a.goal",
      "a.owner_organisation",
      "a.partners",
      day("a.starts_on").as("starts_on"),
      day("a.ends_on").as("ends_on"),
      "a.status",
      "a.harvest_id",
      "a.updated_at",
      "h.title as harvest_title",
      "h.agenda_public",
    ])
    .where("a.id", "=", actionId)
    .where("a.region_id", "=", scope.regionId)
    .executeTakeFirst();
  if (!action) return null;
  const [progress, themes, contributions, coalitions, counts] = await Promise.all([
    scope.db
      .selectFrom("action_progress as p")
      .leftJoin("users as u", "u.id", "p.created_by")
      .select(["p.id", "p.note", "p.created_at", "u.name as author"])
      .where("p.action_id", "=", action.id)
      .orderBy("p.created_at", "desc")
      .orderBy("p.id")
      .execute(),
    scope.db
      .selectFrom("action_sources as s")
      .innerJoin("harvest_themes as t", "t.id", "s.theme_id")
      .select([
        "t.id",
        "t.label",
        "t.harvest_id",
        (eb) =>
          eb
            .selectFrom("contributions as c")
            .select(sql<number>`count(*)::int`.as("n"))
            .whereRef("c.theme_id", "=", "t.id")
            .where("c.hidden", "=", false)
            .where("c.merged_into_id", "is", null)
            .as("count"),
      ])
      .where("s.action_id", "=", action.id)
      .orderBy("t.position")
      .execute(),
    scope.db
      .selectFrom("action_sources as s")
      .innerJoin("contributions as c", "c.id", "s.contribution_id")
      .leftJoin("harvest_themes as t", "t.id", "c.theme_id")
      .select([
        "c.id",
        "c.text",
        "c.kind",
        "c.sector",
        "c.source_label",
        "c.harvest_id",
        "c.hidden",
        "c.merged_into_id",
        "t.label as theme_label",
      ])
      .where("s.action_id", "=", action.id)
      .where("c.region_id", "=", scope.regionId)
      .orderBy("c.created_at")
      .execute(),
    coalitionsOf(scope, [action.id]),
    behindCounts(scope, [action.id]),
  ]);
  return {
    action,
    progress,
    themes: themes.map((t) => ({ ...t, count: t.count ?? 0 })),
    contributions,
    coalitions: coalitions.get(action.id) ?? [],
    behind: counts.get(action.id) ?? 0,
  };
}

/** The contributions behind an action, with how each is linked: directly, or by which theme. */
export async function actionContributions(scope: RegionScope, actionId: string) {
  if (!may(scope, actionPolicy.manage) || !isId(actionId)) return null;
  const action = await scope.db
    .selectFrom("actions")
    .select(["id", "title", "harvest_id"])
    .where("id", "=", actionId)
    .where("region_id", "=", scope.regionId)
    .executeTakeFirst();
  if (!action) return null;
  const rows = await scope.db
    .selectFrom(behindRows(scope, [action.id]).as("b"))
    .innerJoin("contributions as c", "c.id", "b.id")
    .leftJoin("harvest_themes as t", "t.id", "c.theme_id")
    .select([
      "c.id",
      "c.text",
      "c.kind",
      "c.sector",
      "c.source_label",
      "c.harvest_id",
      "t.label as theme_label",
      sql<boolean>`bool_or(b.theme_id is null)`.as("direct"),
    ])
    .groupBy(["c.id", "t.label"])
    .orderBy("t.label")
    .orderBy("c.created_at")
    .execute();
  return { action, contributions: rows };
}

/** Harvests of the region, for choosing one. */
export async function harvestChoices(scope: RegionScope) {
  return scope.db
    .selectFrom("harvests")
    .select(["id", "title", "agenda_public"])
    .where("region_id", "=", scope.regionId)
    .orderBy("created_at", "desc")
    .execute();
}

/** Themes of a harvest of the region, for linking or for making an action from. */
export async function themeChoices(scope: RegionScope, harvestId: string | null) {
  let q = scope.db
    .selectFrom("harvest_themes as t")
    .innerJoin("harvests as h", "h.id", "t.harvest_id")
    .select(["t.id", "t.label", "t.harvest_id", "h.title as harvest_title"])
    .where("h.region_id", "=", scope.regionId);
  if (harvestId) q = q.where("t.harvest_id", "=", harvestId);
  return q.orderBy("h.created_at", "desc").orderBy("t.position").execute();
}

/** Actions of one harvest (or of the whole region), for linking contributions to. */
export async function actionChoices(scope: RegionScope, harvestId: string | null) {
  let q = scope.db
    .selectFrom("actions")
    .select(["id", "title"])
    .where("region_id", "=", scope.regionId);
  if (harvestId)
    q = q.where((eb) => eb.or([eb("harvest_id", "=", harvestId), eb("harvest_id", "is", null)]));
  return q.orderBy("position").execute();
}

/** The actions that name a person or organisation of the register as lead or partner, for their page. */
export async function actionsOfParty(
  scope: RegionScope,
  party: { personId: string } | { organisationId: string },
) {
  if (!may(scope, actionPolicy.manage)) return [];
  const byPerson = "personId" in party;
  const id = byPerson ? party.personId : party.organisationId;
  if (!isId(id)) return [];
  const rows = await scope.db
    .selectFrom("actions as a")
    .leftJoin("action_partners as ap", (j) =>
      j
        .onRef("ap.action_id", "=", "a.id")
        .on(byPerson ? "ap.person_id" : "ap.organisation_id", "=", id),
    )
    .select(["a.id", "a.title", "a.status", "a.owner_organisation_id", "ap.action_id as partner"])
    .where("a.region_id", "=", scope.regionId)
    .where((eb) =>
      eb.or([
        eb("ap.action_id", "is not", null),
        ...(byPerson ? [] : [eb("a.owner_organisation_id", "=", id)]),
      ]),
    )
    .orderBy("a.position")
    .orderBy("a.created_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    roles: [
      ...(!byPerson && r.owner_organisation_id === id ? ["owner"] : []),
      ...(r.partner ? ["partner"] : []),
    ],
  }));
}
