import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import type { DbHandle } from "./client.ts";

const migrationsDir = fileURLToPath(new URL("./migrations/", import.meta.url));

/**
 * Applies the numbered SQL files in db/migrations that have not run yet, each in its own
 * transaction, in name order. Returns the names it applied.
 */
export async function migrate(handle: DbHandle): Promise<string[]> {
  await handle.runScript(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const files = (await readdir(migrationsDir)).filter((f) => f.endsWith(".sql")).sort();
  const done = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(handle.db);
  const applied = new Set(done.rows.map((r) => r.name));
  const ran: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const text = await readFile(migrationsDir + file, "utf8");
    // The name is ours (a file in the repository), so quoting it inline is safe.
    await handle.runScript(
      `BEGIN;\n${text}\n;INSERT INTO schema_migrations (name) VALUES ('${file.replace(/'/g, "''")}');\nCOMMIT;`,
    );
    ran.push(file);
  }
  return ran;
}
