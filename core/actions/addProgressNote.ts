import { z } from "zod";
import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { text, validate } from "../kernel/validate.ts";
import { actionPolicy } from "./policy.ts";

const noteSchema = z.object({ note: text(5000) });

/** A note on the action's progress; writes only, no read to hold a lock for. */
export async function addProgressNote(
  scope: RegionScope,
  actionId: string,
  input: unknown,
): Promise<Result<{ id: string }>> {
  return withRow(
    scope,
    { role: actionPolicy.addProgressNote, table: "actions", id: actionId },
    async (tx, action) => {
      const v = validate(noteSchema, input);
      if (!v.ok) return v;
      const row = await tx
        .insertInto("action_progress")
        .values({ action_id: action.id, note: v.value.note, created_by: scope.userId })
        .returning("id")
        .executeTakeFirstOrThrow();
      await tx
        .updateTable("actions")
        .set({ updated_at: new Date() })
        .where("id", "=", action.id)
        .execute();
      return ok({ id: row.id });
    },
  );
}
