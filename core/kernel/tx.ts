import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema.ts";

/** A handle outside any transaction: each statement commits on its own. */
export type Db = Kysely<Database>;

/**
 * A handle inside a transaction. Work that must commit or roll back with its cause (a mail in
 * the outbox, a job, a waitlist promotion) takes a `Tx`: a plain `Db` does not type-check there,
 * so it cannot be queued outside the caller's transaction by mistake.
 */
export type Tx = Transaction<Database>;

/** Either: for reads, which are right in or out of a transaction. */
export type Reader = Db | Tx;
