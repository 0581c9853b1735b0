import { mkdirSync } from "node:fs";
import type { ParseArgsConfig } from "node:util";
import { openDb, type DbHandle } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { ConfigError, parseConfig } from "../server/env.server.ts";

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<void>;
}

/** A mistake of the operator's: printed as one sentence, exit code 1, no stack trace. */
export class CliError extends Error {}

/** Opens the database the server would use (DATABASE_URL, or PGlite in DATA_DIR). */
export async function openConfiguredDb(): Promise<DbHandle> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
  if (!config.DATABASE_URL) mkdirSync(config.DATA_DIR, { recursive: true });
  return openDb({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
}

/** The configured database, migrated, closed again after `work`. */
export async function withDb<T>(work: (handle: DbHandle) => Promise<T>): Promise<T> {
  const handle = await openConfiguredDb();
  try {
    await migrate(handle);
    return await work(handle);
  } finally {
    await handle.close();
  }
}
