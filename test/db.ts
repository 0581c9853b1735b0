import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PGliteDialect } from "kysely";
import pg from "pg";
import { inject } from "vitest";
import { openDb, pgliteExtensions, type DbHandle } from "../db/client.ts";
import type { Database } from "../db/schema.ts";
import { migrate } from "../db/migrate.ts";

export interface TestDb extends DbHandle {
  /** postgres://… of the private database, or undefined on PGlite. */
  url?: string;
  /** Closes and, on PostgreSQL, drops the private database. */
  dispose(): Promise<void>;
}

/** The handle openDb gives for an in-memory PGlite, around a PGlite of the caller's making. */
export function pgliteHandle(pglite: PGlite): DbHandle {
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

export async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/** The migrated template of this run (test/globalSetup.ts), when there is one. */
function template<K extends "pgliteTemplate" | "postgresTemplate">(key: K): string | undefined {
  try {
    return inject(key);
  } catch {
    return undefined;
  }
}

/**
 * A migrated database of the test's own: in-memory PGlite by default, or, when TEST_DATABASE_URL
 * is set, a new database on that server that is dropped afterwards, so parallel runs never meet.
 * Under vitest both start as a copy of the run's migrated template (test/globalSetup.ts), which
 * costs a fraction of an empty PGlite's start or of running the migrations again.
 */
export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const tar = template("pgliteTemplate");
    if (tar) {
      const pglite = new PGlite({
        loadDataDir: new Blob([await readFile(tar)]),
        extensions: pgliteExtensions,
      });
      await pglite.waitReady;
      const handle = pgliteHandle(pglite);
      return { ...handle, dispose: () => handle.close() };
    }
    const handle = await openDb({});
    await migrate(handle);
    return { ...handle, dispose: () => handle.close() };
  }
  const name = `lr_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const copyOf = template("postgresTemplate");
  await adminQuery(serverUrl, `CREATE DATABASE ${name}${copyOf ? ` TEMPLATE ${copyOf}` : ""}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString() });
  if (!copyOf) await migrate(handle);
  return {
    ...handle,
    url: url.toString(),
    async dispose() {
      await handle.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
