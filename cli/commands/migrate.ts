import { migrate } from "../../db/migrate.ts";
import { openConfiguredDb, type Command } from "../command.ts";

export const migrateCommand: Command = {
  summary: "apply the database migrations that have not run yet",
  usage:
    "Usage: npm run cli -- migrate\n\nApplies db/migrations/*.sql that have not run yet and lists them.",
  options: {},
  async run() {
    const handle = await openConfiguredDb();
    try {
      const ran = await migrate(handle);
      console.log(ran.length ? `Applied: ${ran.join(", ")}` : "The database is up to date.");
    } finally {
      await handle.close();
    }
  },
};
