import "../server/production.ts";
import { parseArgs } from "node:util";
import { createAdmin } from "./commands/createAdmin.ts";
import { exportRegionCommand } from "./commands/exportRegion.ts";
import { importRegionCommand } from "./commands/importRegion.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { seedDemoCommand } from "./commands/seedDemo.ts";
import { CliError, type Command } from "./command.ts";

const commands: Record<string, Command> = {
  migrate: migrateCommand,
  "seed-demo": seedDemoCommand,
  "create-admin": createAdmin,
  "export-region": exportRegionCommand,
  "import-region": importRegionCommand,
};

function overview(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  return [
    "Usage: npm run cli -- <command> [options]",
    "",
    "Commands:",
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `npm run cli -- <command> --help` for a command's options. The database is the server's:",
    "DATABASE_URL when set, otherwise PGlite in DATA_DIR (./data).",
  ].join("\n");
}

const [name, ...rest] = process.argv.slice(2);
if (!name || name === "--help" || name === "-h" || name === "help") {
  console.log(overview());
  process.exit(name ? 0 : 1);
}
const command = commands[name];
if (!command) {
  console.error(`Unknown command "${name}".\n\n${overview()}`);
  process.exit(1);
}
try {
  const { values, positionals } = parseArgs({
    args: rest,
    options: { ...command.options, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    console.log(command.usage);
    process.exit(0);
  }
  await command.run(values as Record<string, string | boolean | undefined>, positionals);
  process.exit(0);
} catch (err) {
  if (err instanceof CliError) {
    console.error(err.message);
    process.exit(1);
  }
  // parseArgs' own errors are about what the operator typed: say it plainly with the usage.
  if (err instanceof TypeError && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`${err.message}\n\n${command.usage}`);
    process.exit(1);
  }
  console.error(`${name} failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
}
