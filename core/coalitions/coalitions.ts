import { z } from "zod";
import { PERSPECTIVES, SECTORS } from "../kernel/sectors.ts";
import { forbidden, notFound, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { email, id, isId, LIMITS, optionalText, text, validate } from "../kernel/validate.ts";

/**
 * Development coalitions: a group of people and organisations around one or more actions, with
 * a lead and a way of working. Organisers keep the members; people who expressed interest on the
 * public agenda wait as 'interested' until an organiser accepts or declines them.
 */

const mayEdit = (scope: RegionScope) => hasRole(scope.role, "organiser");

const coalitionSchema = z.object({
  title: text(LIMITS.name),
  leadName: optionalText(200),
  leadOrganisation: optionalText(200),
  wayOfWorking: optionalText(5000),
});

function columns(v: z.output<typeof coalitionSchema>) {
  return {
    title: v.title,
    lead_name: v.leadName,
    lead_organisation: v.leadOrganisation,
    way_of_working: v.wayOfWorking,
  };
}

async function ownCoalition(scope: RegionScope, coalitionId: unknown) {
  if (!isId(coalitionId)) return null;
  return scope.db
    .selectFrom("coalitions")
    .select("id")
    .where("id", "=", coalitionId)
    .where("region_id", "=", scope.regionId)
    .executeTakeFirst();
}

/** A new coalition; made from an action (`actionId`), it works on that action. */
export async function createCoalition(
  scope: RegionScope,
  input: Record<string, unknown>,
): Promise<Result<{ id: string }>> {
  if (!mayEdit(scope)) return forbidden();
  const action = input.actionId ? await ownAction(scope, input.actionId) : null;
  if (input.actionId && !action) return notFound();
  const v = validate(coalitionSchema, input);
  if (!v.ok) return v;
  return scope.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("coalitions")
      .values({ ...columns(v.value), region_id: scope.regionId })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (action)
      await trx
        .insertInto("coalition_actions")
        .values({ coalition_id: row.id, action_id: action.id })
        .execute();
    return ok({ id: row.id });
  });
}

export async function updateCoalition(
  scope: RegionScope,
  coalitionId: string,
  input: unknown,
): Promise<Result<null>> {
  if (!mayEdit(scope)) return forbidden();
  const coalition = await ownCoalition(scope, coalitionId);
  if (!coalition) return notFound();
  const v = validate(coalitionSchema, input);
  if (!v.ok) return v;
  await scope.db
    .updateTable("coalitions")
    .set({ ...columns(v.value), updated_at: new Date() })
    .where("id", "=", coalition.id)
    .where("region_id", "=", scope.regionId)
    .execute();
  return ok(null);
}

export async function deleteCoalition(
  scope: RegionScope,
  coalitionId: string,
): Promise<Result<null>> {
  if (!mayEdit(scope)) return forbidden();
  const coalition = await ownCoalition(scope, coalitionId);
  if (!coalition) return notFound();
  await scope.db
    .deleteFrom("coalitions")
    .where("id", "=", coalition.id)
    .where("region_id", "=", scope.regionId)
    .execute();
  return ok(null);
}

async function ownAction(scope: RegionScope, actionId: unknown) {
  if (!isId(actionId)) return null;
  return scope.db
    .selectFrom("actions")
    .select("id")
    .where("id", "=", actionId)
    .where("region_id", "=", scope.regionId)
    .executeTakeFirst();
}

export async function linkAction(
  scope: RegionScope,
  coalitionId: string,
  input: Record<string, unknown>,
): Promise<Result<null>> {
  if (!mayEdit(scope)) return forbidden();
  const coalition = await ownCoalition(scope, coalitionId);
  const action = await ownAction(scope, input.actionId);
  if (!coalition || !action) return notFound();
  await scope.db
    .insertInto("coalition_actions")
    .values({ coalition_id: coalition.id, action_id: action.id })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return ok(null);
}

export async function unlinkAction(
  scope: RegionScope,
  coalitionId: string,
  input: Record<string, unknown>,
): Promise<Result<null>> {
  if (!mayEdit(scope)) return forbidden();
  const coalition = await ownCoalition(scope, coalitionId);
  if (!coalition || !isId(input.actionId)) return notFound();
  await scope.db
    .deleteFrom("coalition_actions")
    .where("coalition_id", "=", coalition.id)
    .where("action_id", "=", input.actionId)
    .execute();
  return ok(null);
}

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.literal("")], { error: "validation.choice" })
    .default("")
    .transform((v) => (v === "" ? null : v));

const optionalEmail = z
  .string()
  .trim()
  .default("")
  .pipe(z.union([z.literal(""), email()]))
  .transform((v) => (v === "" ? null : v));

/** What we keep of a member: as little as the coalition needs to work together. */
export const memberSchema = z.object({
  name: text(LIMITS.name),
  email: optionalEmail,
  organisation: optionalText(200),
  sector: optionalChoice(SECTORS),
  perspective: optionalChoice(PERSPECTIVES),
  note: optionalText(2000),
});

/** An organiser adds someone who is in the coalition already. */
export async function addMember(
  scope: RegionScope,
  coalitionId: string,
  input: unknown,
): Promise<Result<{ id: string }>> {
  if (!mayEdit(scope)) return forbidden();
  const coalition = await ownCoalition(scope, coalitionId);
  if (!coalition) return notFound();
  const v = validate(memberSchema, input);
  if (!v.ok) return v;
  const row = await scope.db
    .insertInto("coalition_members")
    .values({ ...v.value, coalition_id: coalition.id, status: "member" })
    .onConflict((oc) => oc.columns(["coalition_id", "email"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!row) return fail("validation.failed", { email: { key: "coalitions.emailTaken" } });
  return ok({ id: row.id });
}

const decisionSchema = z.object({
  memberId: id(),
  decision: z.enum(["accept", "decline", "remove"], { error: "validation.choice" }),
});

/**
 * Accepts or declines someone who expressed interest, or removes a member. Removing deletes the
 * row: nothing of them stays behind.
 */
export async function decideMember(
  scope: RegionScope,
  coalitionId: string,
  input: unknown,
): Promise<Result<null>> {
  if (!mayEdit(scope)) return forbidden();
  const coalition = await ownCoalition(scope, coalitionId);
  if (!coalition) return notFound();
  const v = validate(decisionSchema, input);
  if (!v.ok) return notFound();
  const { memberId, decision } = v.value;
  const n =
    decision === "remove"
      ? (
          await scope.db
            .deleteFrom("coalition_members")
            .where("id", "=", memberId)
            .where("coalition_id", "=", coalition.id)
            .executeTakeFirst()
        ).numDeletedRows
      : (
          await scope.db
            .updateTable("coalition_members")
            .set({ status: decision === "accept" ? "member" : "declined" })
            .where("id", "=", memberId)
            .where("coalition_id", "=", coalition.id)
            .executeTakeFirst()
        ).numUpdatedRows;
  return Number(n) === 1 ? ok(null) : notFound();
}
