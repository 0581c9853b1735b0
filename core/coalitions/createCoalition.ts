import { inRegion } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { coalitionPolicy } from "./policy.ts";
import { leadLinks } from "./parties.ts";
import { coalitionColumns, coalitionSchema, holdAction } from "./schema.ts";

/** A new coalition; made from an action (`actionId`), it works on that action. */
export async function createCoalition(
  scope: RegionScope,
  input: Record<string, unknown>,
): Promise<Result<{ id: string }>> {
  return inRegion(scope, coalitionPolicy.createCoalition, async (tx) => {
    const action = input.actionId ? await holdAction(tx, scope.regionId, input.actionId) : null;
    if (input.actionId && !action) return notFound();
    const v = validate(coalitionSchema, input);
    if (!v.ok) return v;
    const lead = await leadLinks(tx, scope.regionId, v.value);
    if (!lead.ok) return lead;
    const row = await tx
      .insertInto("coalitions")
      .values({ ...coalitionColumns(v.value), ...lead.value, region_id: scope.regionId })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (action)
      await tx
        .insertInto("coalition_actions")
        .values({ coalition_id: row.id, action_id: action.id })
        .execute();
    return ok({ id: row.id });
  });
}
