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
    "DATABASE_URL when set, otherwise PGlite in DATA_DIR (./data). A PGlite folder is for one",
    "process at a time: stop the server before running a command on it.",
  ].join("\n");
}

/** Returns the exit code. The process then ends on its own, after piped output has drained. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(overview());
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${overview()}`);
    return 1;
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
      return 0;
    }
    await command.run(values as Record<string, string | boolean | undefined>, positionals);
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      console.error(err.message);
      return 1;
    }
    // parseArgs' own errors are about what the operator typed: say it plainly with the usage.
    if (
      err instanceof TypeError &&
      "code" in err &&
      String(err.code).startsWith("ERR_PARSE_ARGS")
    ) {
      console.error(`${err.message}\n\n${command.usage}`);
      return 1;
    }
    console.error(`${name} failed: ${describeFailure(err)}`);
    return 2;
  }
}

/**
 * One line for an outage. A refused connection to "localhost" is an AggregateError (one error per
 * address tried) whose own message is empty.
 */
function describeFailure(err: unknown): string {
  if (err instanceof AggregateError && !err.message) return describeFailure(err.errors[0]);
  if (err instanceof Error) return err.message || ("code" in err ? String(err.code) : err.name);
  return String(err);
}

process.exitCode = await main(process.argv.slice(2));
