import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { scanPolicy } from "./policy.ts";

/** Removes a scan with its statements, rounds, responses and answers (the foreign keys cascade). */
export async function deleteScan(scope: RegionScope, scanId: unknown): Promise<Result<null>> {
  return withRow(
    scope,
    { role: scanPolicy.deleteScan, table: "scans", id: scanId },
    async (tx, scan) => {
      await tx.deleteFrom("scans").where("id", "=", scan.id).execute();
      return ok(null);
    },
  );
}
