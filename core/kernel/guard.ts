import type { Selectable } from "kysely";
import type { Database, Role } from "../../db/schema.ts";
import { isId } from "./validate.ts";
import { forbidden, notFound, type Failure, type Result } from "./result.ts";
import { hasRole, type RegionScope } from "./scope.ts";
import type { Tx } from "./tx.ts";

/** The tables whose rows belong to one region directly (they carry `region_id`). */
export type RegionTable = {
  [K in keyof Database]: Database[K] extends { region_id: string; id: unknown } ? K : never;
}[keyof Database];

export type RegionRow<T extends RegionTable> = Selectable<Database[T]>;

/** Carries a failed Result out of the transaction so that nothing the intent wrote is kept. */
class Refused extends Error {
  readonly failure: Failure;
  constructor(failure: Failure) {
    super(failure.error.key);
    this.failure = failure;
  }
}

async function transact<R>(scope: RegionScope, work: (tx: Tx) => Promise<Result<R>>) {
  try {
    return await scope.db.transaction().execute(async (tx) => {
      const result = await work(tx);
      if (!result.ok) throw new Refused(result);
      return result;
    });
  } catch (err) {
    if (err instanceof Refused) return err.failure;
    throw err;
  }
}

/**
 * The one door for a change in a region: the role from the capability's policy, then the work
 * in one transaction. A failure the work returns rolls back everything it wrote.
 */
export async function inRegion<R>(
  scope: RegionScope,
  role: Role,
  work: (tx: Tx) => Promise<Result<R>>,
): Promise<Result<R>> {
  if (!hasRole(scope.role, role)) return forbidden();
  return transact(scope, work);
}

export interface RowSpec<T extends RegionTable> {
  /** The least role that may do this: read from the capability's policy table. */
  role: Role;
  table: T;
  /** As it came from the request: anything that is not an id is "not found", never a 500. */
  id: unknown;
  /**
   * Lock the row (`FOR UPDATE`) for the transaction: needed whenever the work reads the row and
   * writes something that depends on what it read (a JSON list, a count, a status).
   */
  lock?: boolean;
}

/**
 * An intent on one row of a region: role check, id parse, the row loaded only within the
 * scope's region (another region's row is "not found", the same answer as a made-up id),
 * optionally locked, and the work in the same transaction.
 */
export async function withRow<T extends RegionTable, R>(
  scope: RegionScope,
  spec: RowSpec<T>,
  work: (tx: Tx, row: RegionRow<T>) => Promise<Result<R>>,
): Promise<Result<R>> {
  if (!hasRole(scope.role, spec.role)) return forbidden();
  const id = spec.id;
  if (typeof id !== "string" || !isId(id)) return notFound();
  return transact(scope, async (tx) => {
    const row = await loadInRegion(tx, scope.regionId, spec.table, id, spec.lock ?? false);
    return row ? work(tx, row) : notFound();
  });
}

/**
 * Kysely cannot type a query over "any region table" generically; this is the one place where
 * the table name is a variable, and `RegionTable` guarantees `id` and `region_id` exist.
 */
async function loadInRegion<T extends RegionTable>(
  tx: Tx,
  regionId: string,
  table: T,
  id: string,
  lock: boolean,
): Promise<RegionRow<T> | undefined> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const q = (tx as any)
    .selectFrom(table)
    .selectAll()
    .where("id", "=", id)
    .where("region_id", "=", regionId);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}
