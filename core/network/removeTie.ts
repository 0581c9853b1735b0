import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { networkPolicy } from "./policy.ts";
import { personOfAccount } from "./queries.ts";

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

/** A member takes back a tie recorded between themselves and someone else. */
export async function removeOwnTie(scope: RegionScope, tieId: unknown): Promise<Result<null>> {
  return withRow(
    scope,
    { role: networkPolicy.removeOwnTie, table: "network_ties", id: tieId },
    async (tx, tie) => {
      const me = await personOfAccount({ ...scope, db: tx });
      // Someone else's tie is answered as one that does not exist.
      if (!me || (tie.person_a !== me.id && tie.person_b !== me.id)) return notFound();
      await tx.deleteFrom("network_ties").where("id", "=", tie.id).execute();
      return ok(null);
    },
  );
}
