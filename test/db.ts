import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDb, type DbHandle } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";

export interface TestDb extends DbHandle {
  /** postgres://… of the private database, or undefined on PGlite. */
  url?: string;
  /** Closes and, on PostgreSQL, drops the private database. */
  dispose(): Promise<void>;
}

/**
 * A migrated database of the test's own: in-memory PGlite by default, or, when TEST_DATABASE_URL
 * is set, a new database on that server that is dropped afterwards, so parallel runs never meet.
 */
export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDb({});
    await migrate(handle);
    return { ...handle, dispose: () => handle.close() };
  }
  const name = `lr_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString() });
  await migrate(handle);
  return {
    ...handle,
    url: url.toString(),
    async dispose() {
      await handle.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
