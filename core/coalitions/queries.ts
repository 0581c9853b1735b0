import { may, type RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { mixOf } from "./mix.ts";
import { coalitionPolicy } from "./policy.ts";

/** The coalitions of the region, with their actions, member counts and waiting interest. */
export async function listCoalitions(scope: RegionScope) {
  if (!may(scope, coalitionPolicy.view)) return [];
  const [rows, members, actions] = await Promise.all([
    scope.db
      .selectFrom("coalitions")
      .select(["id", "title", "lead_name", "lead_organisation"])
      .where("region_id", "=", scope.regionId)
      .orderBy("title")
      .execute(),
    scope.db
      .selectFrom("coalition_members as m")
      .innerJoin("coalitions as c", "c.id", "m.coalition_id")
      .select(["m.coalition_id", "m.status", "m.sector", "m.perspective"])
      .where("c.region_id", "=", scope.regionId)
      .execute(),
    scope.db
      .selectFrom("coalition_actions as ca")
      .innerJoin("actions as a", "a.id", "ca.action_id")
      .select(["ca.coalition_id", "a.id", "a.title"])
      .where("a.region_id", "=", scope.regionId)
      .orderBy("a.position")
      .execute(),
  ]);
  return rows.map((c) => {
    const own = members.filter((m) => m.coalition_id === c.id);
    const accepted = own.filter((m) => m.status === "member");
    return {
      ...c,
      members: accepted.length,
      interested: own.filter((m) => m.status === "interested").length,
      mix: mixOf(accepted),
      actions: actions
        .filter((a) => a.coalition_id === c.id)
        .map(({ id, title }) => ({ id, title })),
    };
  });
}

/** One coalition with its members, interest waiting, actions and mix; null when not the region's. */
export async function getCoalition(scope: RegionScope, coalitionId: string) {
  if (!may(scope, coalitionPolicy.view) || !isId(coalitionId)) return null;
  const coalition = await scope.db
    .selectFrom("coalitions")
    .select(["id", "title", "lead_name", "lead_organisation", "way_of_working", "updated_at"])
    .where("id", "=", coalitionId)
    .where("region_id", "=", scope.regionId)
    .executeTakeFirst();
  if (!coalition) return null;
  const [members, actions] = await Promise.all([
    scope.db
      .selectFrom("coalition_members")
      .select([
        "id",
        "name",
        "email",
        "organisation",
        "sector",
        "perspective",
        "note",
        "status",
        "created_at",
        "person_id",
      ])
      .where("coalition_id", "=", coalition.id)
      .orderBy("status")
      .orderBy("name")
      .execute(),
    scope.db
      .selectFrom("coalition_actions as ca")
      .innerJoin("actions as a", "a.id", "ca.action_id")
      .select(["a.id", "a.title", "a.status"])
      .where("ca.coalition_id", "=", coalition.id)
      .where("a.region_id", "=", scope.regionId)
      .orderBy("a.position")
      .execute(),
  ]);
  return {
    coalition,
    members: members.filter((m) => m.status === "member"),
    interested: members.filter((m) => m.status === "interested"),
    declined: members.filter((m) => m.status === "declined"),
    actions,
    mix: coalitionMixOf(members),
  };
}

function coalitionMixOf(
  members: { status: string; sector: string | null; perspective: string | null }[],
) {
  return mixOf(members.filter((m) => m.status === "member"));
}

/** Coalitions to choose from when linking an action. */
export async function coalitionChoices(scope: RegionScope) {
  return scope.db
    .selectFrom("coalitions")
    .select(["id", "title"])
    .where("region_id", "=", scope.regionId)
    .orderBy("title")
    .execute();
}

export type Party = { personId: string } | { organisationId: string };

/**
 * The coalitions that name a person or organisation of the register (led by, or with them as a
 * member or interested), for their page; the links of db/migrations/016.
 */
export async function coalitionsOfParty(scope: RegionScope, party: Party) {
  if (!may(scope, coalitionPolicy.view)) return [];
  const [leadColumn, memberColumn, id] =
    "personId" in party
      ? (["c.lead_person_id", "m.person_id", party.personId] as const)
      : (["c.lead_organisation_id", "m.organisation_id", party.organisationId] as const);
  if (!isId(id)) return [];
  const [leads, members] = await Promise.all([
    scope.db
      .selectFrom("coalitions as c")
      .select(["c.id", "c.title"])
      .where("c.region_id", "=", scope.regionId)
      .where(leadColumn, "=", id)
      .execute(),
    scope.db
      .selectFrom("coalition_members as m")
      .innerJoin("coalitions as c", "c.id", "m.coalition_id")
      .select(["c.id", "c.title", "m.status"])
      .where("c.region_id", "=", scope.regionId)
      .where(memberColumn, "=", id)
      .execute(),
  ]);
  const byId = new Map<string, { id: string; title: string; roles: string[] }>();
  for (const r of [
    ...leads.map((l) => ({ ...l, role: "lead" })),
    ...members.map((m) => ({ id: m.id, title: m.title, role: m.status as string })),
  ]) {
    const found = byId.get(r.id) ?? { id: r.id, title: r.title, roles: [] };
    if (!found.roles.includes(r.role)) found.roles.push(r.role);
    byId.set(r.id, found);
  }
  return [...byId.values()].sort((a, b) => a.title.localeCompare(b.title));
}
