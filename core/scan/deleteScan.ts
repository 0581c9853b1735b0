import { withRow } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { scanPolicy } from "./policy.ts";

/**
 * Removes a scan with its statements, rounds, responses and answers (the foreign keys cascade).
 * Years of rounds go with it, so the person confirms; the check is inside the guard, so another
 * region's scan is "not found" whether confirmed or not.
 */
export async function deleteScan(
  scope: RegionScope,
  scanId: unknown,
  input: { confirmed: boolean },
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: scanPolicy.deleteScan, table: "scans", id: scanId },
    async (tx, scan) => {
      if (!input.confirmed)
        return fail("validation.failed", { confirm: { key: "validation.required" } });
      await tx.deleteFrom("scans").where("id", "=", scan.id).execute();
      return ok(null);
    },
  );
}
