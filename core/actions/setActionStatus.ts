import { z } from "zod";
import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { actionPolicy } from "./policy.ts";
import { statusSchema } from "./schema.ts";

const schema = z.object({ status: statusSchema });

/** One statement on the guarded row. */
export async function setActionStatus(
  scope: RegionScope,
  actionId: string,
  input: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: actionPolicy.setActionStatus, table: "actions", id: actionId },
    async (tx, action) => {
      const v = validate(schema, input);
      if (!v.ok) return v;
      await tx
        .updateTable("actions")
        .set({ status: v.value.status, updated_at: new Date() })
        .where("id", "=", action.id)
        .execute();
      return ok(null);
    },
  );
}
