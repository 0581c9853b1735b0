import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { networkPolicy } from "./policy.ts";

/** A declared tie is no longer true; one statement, scoped to the guarded tie's region. */
export async function removeTie(scope: RegionScope, tieId: unknown): Promise<Result<null>> {
  return withRow(
    scope,
    { role: networkPolicy.removeTie, table: "network_ties", id: tieId },
    async (tx, tie) => {
      const gone = await tx.deleteFrom("network_ties").where("id", "=", tie.id).executeTakeFirst();
      return gone.numDeletedRows > 0n ? ok(null) : notFound();
    },
  );
}
