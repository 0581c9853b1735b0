import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openDb, pgliteExtensions } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { adminQuery, pgliteHandle } from "./db.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A tar of a migrated PGlite data directory, for test/db.ts to start each database from. */
    pgliteTemplate?: string;
    /** A migrated database on TEST_DATABASE_URL's server, for test/db.ts to copy. */
    postgresTemplate?: string;
  }
}

/**
 * Migrates one database per run, before any test file, so that test/db.ts can give every test a
 * copy of it instead of starting an empty PGlite (initdb in WASM: seconds of CPU) or migrating a
 * new PostgreSQL database each time. Each copy is still a database of that test's own.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const pglite = new PGlite({ extensions: pgliteExtensions });
    const handle = pgliteHandle(pglite);
    await migrate(handle);
    const dir = await mkdtemp(join(tmpdir(), "lr-pglite-template-"));
    const file = join(dir, "migrated.tar");
    await writeFile(file, Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
    await handle.close();
    project.provide("pgliteTemplate", file);
    return async () => {
      await rm(dir, { recursive: true, force: true });
    };
  }
  const name = `lr_template_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString() });
  try {
    await migrate(handle);
  } finally {
    // A template may have no open connection while it is copied.
    await handle.close();
  }
  project.provide("postgresTemplate", name);
  return async () => {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
}
