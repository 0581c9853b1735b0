import { z } from "zod";
import type { ActionStatus } from "../../db/schema.ts";
import { forbidden, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { id, isId, LIMITS, optionalText, text, validate } from "../kernel/validate.ts";

/**
 * The region's action agenda: actions derived from the harvest's themes, each with a goal, an
 * owner organisation, partners, a period, a status and progress notes, and linked to the themes
 * and contributions it answers. Organisers and admins only; every query filters on the region.
 */

export const ACTION_STATUSES: readonly ActionStatus[] = [
  "idea",
  "planned",
  "running",
  "done",
  "stopped",
];

const day = z
  .string()
  .trim()
  .default("")
  .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), {
    message: "actions.dateInvalid",
  })
  .transform((v) => (v === "" ? null : v));

const status = z.enum(ACTION_STATUSES as [ActionStatus, ...ActionStatus[]], {
  error: "validation.choice",
});

const actionSchema = z
  .object({
    title: text(LIMITS.name),
    goal: optionalText(5000),
    ownerOrganisation: optionalText(200),
    partners: optionalText(2000),
    startsOn: day,
    endsOn: day,
    status: status.default("planned"),
  })
  .refine((v) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn, {
    message: "actions.endBeforeStart",
    path: ["endsOn"],
  });

const mayEdit = (scope: RegionScope) => hasRole(scope.role, "organiser");

/** An action of the scope's region. */
async function ownAction(scope: RegionScope, actionId: string) {
  if (!isId(actionId)) return null;
  return scope.db
    .selectFrom("actions")
    .select(["id", "harvest_id"])
    .where("id", "=", actionId)
    .where("region_id", "=", scope.regionId)
    .executeTakeFirst();
}

async function ownTheme(scope: RegionScope, themeId: unknown) {
  if (!isId(themeId)) return null;
  return scope.db
    .selectFrom("harvest_themes as t")
    .innerJoin("harvests as h", "h.id", "t.harvest_id")
    .select(["t.id", "t.harvest_id"])
    .where("t.id", "=", themeId)
    .where("h.region_id", "=", scope.regionId)
    .executeTakeFirst();
}

type OwnAction = NonNullable<Awaited<ReturnType<typeof ownAction>>>;

/** Runs `work` on an action of the scope's region for an organiser: forbidden or not found otherwise. */
async function withAction<T>(
  scope: RegionScope,
  actionId: string,
  work: (action: OwnAction) => Promise<Result<T>>,
): Promise<Result<T>> {
  if (!mayEdit(scope)) return forbidden();
  const action = await ownAction(scope, actionId);
  if (!action) return notFound();
  return work(action);
}

async function ownHarvest(scope: RegionScope, harvestId: unknown) {
  if (!isId(harvestId)) return null;
  return scope.db
    .selectFrom("harvests")
    .select("id")
    .where("id", "=", harvestId)
    .where("region_id", "=", scope.regionId)
    .executeTakeFirst();
}

function columns(v: z.output<typeof actionSchema>) {
  return {
    title: v.title,
    goal: v.goal,
    owner_organisation: v.ownerOrganisation,
    partners: v.partners,
    starts_on: v.startsOn,
    ends_on: v.endsOn,
    status: v.status,
  };
}

/**
 * A new action, at the end of the agenda. Made from a theme (`themeId`), it answers that theme
 * and belongs to its harvest; otherwise it may name a harvest (`harvestId`) or none.
 */
export async function createAction(
  scope: RegionScope,
  input: Record<string, unknown>,
): Promise<Result<{ id: string }>> {
  if (!mayEdit(scope)) return forbidden();
  const theme = input.themeId ? await ownTheme(scope, input.themeId) : null;
  if (input.themeId && !theme) return notFound();
  const harvest = !theme && input.harvestId ? await ownHarvest(scope, input.harvestId) : null;
  if (!theme && input.harvestId && !harvest) return notFound();
  const v = validate(actionSchema, input);
  if (!v.ok) return v;
  return scope.db.transaction().execute(async (trx) => {
    const { top } = await trx
      .selectFrom("actions")
      .select((eb) => eb.fn.max("position").as("top"))
      .where("region_id", "=", scope.regionId)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto("actions")
      .values({
        ...columns(v.value),
        region_id: scope.regionId,
        harvest_id: theme?.harvest_id ?? harvest?.id ?? null,
        position: (top ?? -1) + 1,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (theme)
      await trx
        .insertInto("action_sources")
        .values({ action_id: row.id, theme_id: theme.id })
        .execute();
    return ok({ id: row.id });
  });
}

export async function updateAction(
  scope: RegionScope,
  actionId: string,
  input: unknown,
): Promise<Result<null>> {
  return withAction(scope, actionId, async (action) => {
    const v = validate(actionSchema, input);
    if (!v.ok) return v;
    await scope.db
      .updateTable("actions")
      .set({ ...columns(v.value), updated_at: new Date() })
      .where("id", "=", action.id)
      .where("region_id", "=", scope.regionId)
      .execute();
    return ok(null);
  });
}

export async function setActionStatus(
  scope: RegionScope,
  actionId: string,
  input: unknown,
): Promise<Result<null>> {
  return withAction(scope, actionId, async (action) => {
    const v = validate(z.object({ status }), input);
    if (!v.ok) return v;
    await scope.db
      .updateTable("actions")
      .set({ status: v.value.status, updated_at: new Date() })
      .where("id", "=", action.id)
      .execute();
    return ok(null);
  });
}

export async function deleteAction(scope: RegionScope, actionId: string): Promise<Result<null>> {
  return withAction(scope, actionId, async (action) => {
    await scope.db
      .deleteFrom("actions")
      .where("id", "=", action.id)
      .where("region_id", "=", scope.regionId)
      .execute();
    return ok(null);
  });
}

export async function addProgressNote(
  scope: RegionScope,
  actionId: string,
  input: unknown,
): Promise<Result<{ id: string }>> {
  return withAction(scope, actionId, async (action) => {
    const v = validate(z.object({ note: text(5000) }), input);
    if (!v.ok) return v;
    const row = await scope.db
      .insertInto("action_progress")
      .values({ action_id: action.id, note: v.value.note, created_by: scope.userId })
      .returning("id")
      .executeTakeFirstOrThrow();
    await scope.db
      .updateTable("actions")
      .set({ updated_at: new Date() })
      .where("id", "=", action.id)
      .execute();
    return ok({ id: row.id });
  });
}

export async function deleteProgressNote(
  scope: RegionScope,
  actionId: string,
  input: unknown,
): Promise<Result<null>> {
  return withAction(scope, actionId, async (action) => {
    const v = validate(z.object({ noteId: id() }), input);
    if (!v.ok) return notFound();
    await scope.db
      .deleteFrom("action_progress")
      .where("id", "=", v.value.noteId)
      .where("action_id", "=", action.id)
      .execute();
    return ok(null);
  });
}

/**
 * Sources must come from the action's harvest; an action without one takes the harvest of its
 * first source.
 */
async function adoptHarvest(
  scope: RegionScope,
  action: { id: string; harvest_id: string | null },
  harvestId: string,
) {
  if (action.harvest_id === harvestId) return true;
  if (action.harvest_id !== null) return false;
  await scope.db
    .updateTable("actions")
    .set({ harvest_id: harvestId, updated_at: new Date() })
    .where("id", "=", action.id)
    .where("harvest_id", "is", null)
    .execute();
  return true;
}

/** The action answers this theme (and so every contribution in it). */
export async function linkTheme(
  scope: RegionScope,
  actionId: string,
  input: Record<string, unknown>,
): Promise<Result<null>> {
  if (!mayEdit(scope)) return forbidden();
  const action = await ownAction(scope, actionId);
  const theme = await ownTheme(scope, input.themeId);
  if (!action || !theme) return notFound();
  if (!(await adoptHarvest(scope, action, theme.harvest_id))) return fail("actions.otherHarvest");
  await scope.db
    .insertInto("action_sources")
    .values({ action_id: action.id, theme_id: theme.id })
    .onConflict((oc) =>
      oc.columns(["action_id", "theme_id"]).where("theme_id", "is not", null).doNothing(),
    )
    .execute();
  return ok(null);
}

/** The action answers these contributions, one by one (`contributionIds` or `contributionId`). */
export async function linkContributions(
  scope: RegionScope,
  actionId: string,
  input: Record<string, unknown>,
): Promise<Result<{ linked: number }>> {
  return withAction(scope, actionId, async (action) => {
    const raw = input.contributionIds ?? input.contributionId;
    const ids = (Array.isArray(raw) ? raw : [raw]).filter(isId);
    if (ids.length === 0) return fail("actions.noContributionChosen");
    if (ids.length > 1000) return fail("validation.tooMany", undefined, { max: 1000 });
    const found = await scope.db
      .selectFrom("contributions")
      .select(["id", "harvest_id"])
      .where("id", "in", ids)
      .where("region_id", "=", scope.regionId)
      .execute();
    if (found.length !== new Set(ids).size) return notFound();
    const harvests = new Set(found.map((c) => c.harvest_id));
    if (harvests.size !== 1) return fail("actions.otherHarvest");
    if (!(await adoptHarvest(scope, action, found[0]!.harvest_id)))
      return fail("actions.otherHarvest");
    await scope.db
      .insertInto("action_sources")
      .values(found.map((c) => ({ action_id: action.id, contribution_id: c.id })))
      .onConflict((oc) =>
        oc
          .columns(["action_id", "contribution_id"])
          .where("contribution_id", "is not", null)
          .doNothing(),
      )
      .execute();
    return ok({ linked: found.length });
  });
}

/** Removes a theme (`themeId`) or a contribution (`contributionId`) from the action's sources. */
export async function unlinkSource(
  scope: RegionScope,
  actionId: string,
  input: Record<string, unknown>,
): Promise<Result<null>> {
  return withAction(scope, actionId, async (action) => {
    const { themeId, contributionId } = input;
    if (isId(themeId))
      await scope.db
        .deleteFrom("action_sources")
        .where("action_id", "=", action.id)
        .where("theme_id", "=", themeId)
        .execute();
    else if (isId(contributionId))
      await scope.db
        .deleteFrom("action_sources")
        .where("action_id", "=", action.id)
        .where("contribution_id", "=", contributionId)
        .execute();
    else return notFound();
    return ok(null);
  });
}

// The agenda's public flag is a column of the harvest, so the harvest module writes it.
export { setAgendaPublic } from "../harvest/updateHarvest.ts";
