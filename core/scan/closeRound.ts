import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { scanPolicy } from "./policy.ts";

/**
 * Closes a round: its code and links stop taking answers. One statement that only touches an
 * open round, so closing twice, or a response racing the close, changes nothing further (the
 * response's insert checks the round is still open in its own statement).
 */
export async function closeRound(scope: RegionScope, roundId: unknown): Promise<Result<null>> {
  return withRow(
    scope,
    { role: scanPolicy.closeRound, table: "scan_rounds", id: roundId },
    async (tx, round) => {
      await tx
        .updateTable("scan_rounds")
        .set({ status: "closed", closed_at: new Date() })
        .where("id", "=", round.id)
        .where("status", "=", "open")
        .execute();
      return ok(null);
    },
  );
}
