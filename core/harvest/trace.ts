import { sql } from "kysely";
import { may, type RegionScope } from "../kernel/scope.ts";
import { harvestPolicy } from "./policy.ts";
import { isId } from "../kernel/validate.ts";

/**
 * "Waar is deze bijdrage terechtgekomen?": from one contribution to every result it fed: its
 * theme (a paragraph of the publication), whether it is quoted there, and the actions that
 * answer it, directly or through its theme, with their coalitions.
 */
export async function contributionTrace(
  scope: RegionScope,
  harvestId: string,
  contributionId: string,
) {
  if (!may(scope, harvestPolicy.manage) || !isId(harvestId) || !isId(contributionId)) return null;
  const c = await scope.db
    .selectFrom("contributions as c")
    .innerJoin("harvests as h", "h.id", "c.harvest_id")
    .leftJoin("harvest_themes as t", "t.id", "c.theme_id")
    .select([
      "c.id",
      "c.text",
      "c.kind",
      "c.sector",
      "c.origin",
      "c.source_label",
      "c.hidden",
      "c.merged_into_id",
      "c.theme_id",
      "t.label as theme_label",
      "h.id as harvest_id",
      "h.title as harvest_title",
      "h.slug as harvest_slug",
      "h.publication_public",
      sql<boolean>`exists (select 1 from harvest_quotes q where q.contribution_id = c.id and q.theme_id = c.theme_id)`.as(
        "quoted",
      ),
      sql<number>`(select count(*)::int from contributions m where m.merged_into_id = c.id)`.as(
        "merged_from",
      ),
    ])
    .where("c.id", "=", contributionId)
    .where("c.harvest_id", "=", harvestId)
    .where("c.region_id", "=", scope.regionId)
    .where("h.region_id", "=", scope.regionId)
    .executeTakeFirst();
  if (!c) return null;
  const actions = await scope.db
    .selectFrom("action_sources as s")
    .innerJoin("actions as a", "a.id", "s.action_id")
    .select([
      "a.id",
      "a.title",
      "a.status",
      sql<boolean>`bool_or(s.contribution_id is not null)`.as("direct"),
      sql<boolean>`bool_or(s.theme_id is not null)`.as("via_theme"),
    ])
    .where("a.region_id", "=", scope.regionId)
    .where((eb) =>
      eb.or([
        eb("s.contribution_id", "=", c.id),
        ...(c.theme_id ? [eb("s.theme_id", "=", c.theme_id)] : []),
      ]),
    )
    .groupBy(["a.id", "a.title", "a.status", "a.position"])
    .orderBy("a.position")
    .execute();
  const coalitions =
    actions.length === 0
      ? []
      : await scope.db
          .selectFrom("coalition_actions as ca")
          .innerJoin("coalitions as co", "co.id", "ca.coalition_id")
          .select(["ca.action_id", "co.id", "co.title"])
          .where(
            "ca.action_id",
            "in",
            actions.map((a) => a.id),
          )
          .where("co.region_id", "=", scope.regionId)
          .orderBy("co.title")
          .execute();
  return {
    contribution: c,
    actions: actions.map((a) => ({
      ...a,
      coalitions: coalitions
        .filter((co) => co.action_id === a.id)
        .map(({ id, title }) => ({ id, title })),
    })),
  };
}
