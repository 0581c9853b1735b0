import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";

export type Db = Kysely<Database>;

/**
 * The contrib extensions the migrations create, which PGlite loads only when asked: unaccent
 * for the knowledge base's search (PostgreSQL ships it as a trusted extension). Every PGlite
 * the product or its tests open passes these.
 */
export const pgliteExtensions = { unaccent };

// Postgres returns bigint counts as strings; counts in this product stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export interface DbTarget {
  /** postgres://… for a PostgreSQL server; otherwise PGlite in `dataDir` (in memory when absent). */
  url?: string;
  dataDir?: string;
  onIdleError?: (err: Error) => void;
}

export interface DbHandle {
  db: Db;
  /** Runs a script of several statements (migrations), which the query protocol of PGlite refuses. */
  runScript(script: string): Promise<void>;
  close(): Promise<void>;
  kind: "pglite" | "postgres";
}

/** Opens the database the configuration points at. Both kinds run the same SQL. */
export async function openDb(target: DbTarget): Promise<DbHandle> {
  if (target.url) {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection that the server closes (restart, failover, DROP DATABASE … FORCE) is an
    // 'error' event on the pool; unheard, it would end the process. The pool replaces the connection.
    pool.on("error", (err) => target.onIdleError?.(err));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: "postgres",
      runScript: async (script) => {
        await pool.query(script);
      },
      close: () => db.destroy(),
    };
  }
  const pglite = new PGlite({ dataDir: target.dataDir, extensions: pgliteExtensions });
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: "pglite",
    runScript: async (script) => {
      await pglite.exec(script);
    },
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
