import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { scanPolicy } from "./policy.ts";
import { ownKey } from "./statements.ts";

/**
 * Removes one of the region's own statements and the answers given to it, in one transaction:
 * a statement nobody can see any more must not weigh in a theme's score. Shipped statements stay.
 * No lock beyond the scan's row: a response sent at this moment may still carry an answer to the
 * statement; the scores read only the statements the scan has, so it weighs nowhere.
 */
export async function removeStatement(
  scope: RegionScope,
  scanId: unknown,
  statementId: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: scanPolicy.removeStatement, table: "scans", id: scanId },
    async (tx, scan) => {
      if (!isId(statementId)) return notFound();
      const gone = await tx
        .deleteFrom("scan_statements")
        .where("id", "=", statementId)
        .where("scan_id", "=", scan.id)
        .returning("id")
        .executeTakeFirst();
      if (!gone) return notFound();
      await tx
        .deleteFrom("scan_answers")
        .where("statement_key", "=", ownKey(gone.id))
        .where("response_id", "in", (eb) =>
          eb
            .selectFrom("scan_responses")
            .innerJoin("scan_rounds", "scan_rounds.id", "scan_responses.round_id")
            .select("scan_responses.id")
            .where("scan_rounds.scan_id", "=", scan.id),
        )
        .execute();
      return ok(null);
    },
  );
}
