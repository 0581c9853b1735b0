import { withRow } from "../kernel/guard.ts";
import { conflict, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { scanPolicy } from "./policy.ts";
import { SCAN_LIMITS, statementSchema } from "./schema.ts";

/**
 * A statement of the region's own, about the group or about the respondent, under one of the
 * scan's themes. Rounds already answered simply have no answers to it.
 */
export async function addStatement(
  scope: RegionScope,
  scanId: unknown,
  input: unknown,
): Promise<Result<{ id: string }>> {
  // Locked: the number of own statements is counted before one is added.
  return withRow(
    scope,
    { role: scanPolicy.addStatement, table: "scans", id: scanId, lock: true },
    async (tx, scan) => {
      const v = validate(statementSchema, input);
      if (!v.ok) return v;
      const { count } = await tx
        .selectFrom("scan_statements")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .where("scan_id", "=", scan.id)
        .executeTakeFirstOrThrow();
      if (Number(count) >= SCAN_LIMITS.ownStatements) {
        return conflict("scan.tooManyStatements", { max: SCAN_LIMITS.ownStatements });
      }
      const row = await tx
        .insertInto("scan_statements")
        .values({ scan_id: scan.id, ...v.value })
        .returning("id")
        .executeTakeFirstOrThrow();
      await tx
        .updateTable("scans")
        .set({ updated_at: new Date() })
        .where("id", "=", scan.id)
        .execute();
      return ok({ id: row.id });
    },
  );
}
