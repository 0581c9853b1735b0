import { z } from "zod";
import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { id } from "../kernel/validate.ts";
import { actionPolicy } from "./policy.ts";

const noteRef = z.object({ noteId: id() });

/** A note of this action (a note of another is not found); one statement. */
export async function deleteProgressNote(
  scope: RegionScope,
  actionId: string,
  input: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: actionPolicy.deleteProgressNote, table: "actions", id: actionId },
    async (tx, action) => {
      const v = noteRef.safeParse(input);
      if (!v.success) return notFound();
      await tx
        .deleteFrom("action_progress")
        .where("id", "=", v.data.noteId)
        .where("action_id", "=", action.id)
        .execute();
      return ok(null);
    },
  );
}
