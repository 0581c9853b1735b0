import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { actionPolicy } from "./policy.ts";
import { partyLinks, writePartners } from "./parties.ts";
import { actionColumns, actionSchema } from "./schema.ts";

/**
 * The action's fields as the organiser edits them. The row is locked: its partners' links are
 * replaced (delete, insert) and two saves at once would otherwise interleave them.
 */
export async function updateAction(
  scope: RegionScope,
  actionId: string,
  input: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: actionPolicy.updateAction, table: "actions", id: actionId, lock: true },
    async (tx, action) => {
      const v = validate(actionSchema, input);
      if (!v.ok) return v;
      const parties = await partyLinks(tx, scope.regionId, v.value);
      await tx
        .updateTable("actions")
        .set({ ...actionColumns(v.value), ...parties.columns, updated_at: new Date() })
        .where("id", "=", action.id)
        .execute();
      await writePartners(tx, action.id, parties.partners);
      return ok(null);
    },
  );
}
