import { writeFile } from "node:fs/promises";
import { exportRegion } from "../../core/regions/exportRegion.ts";
import { CliError, withDb, type Command } from "../command.ts";

export const exportRegionCommand: Command = {
  summary: "write a region (settings, organisations, people, members) as JSON",
  usage: [
    "Usage: npm run cli -- export-region <slug> [--out <file>]",
    "",
    "Writes the region as one JSON document to standard output, or to --out. The document holds",
    "personal data (names, e-mail addresses): keep it as carefully as the database. It holds no",
    "passwords, sessions or invitation links.",
  ].join("\n"),
  options: { out: { type: "string", short: "o" } },
  async run(values, [slug]) {
    if (!slug)
      throw new CliError("Name the region to export: npm run cli -- export-region <slug>.");
    const document = await withDb(({ db }) => exportRegion(db, slug));
    if (!document) throw new CliError(`There is no region with the slug "${slug}".`);
    const json = JSON.stringify(document, null, 2) + "\n";
    if (typeof values.out === "string") {
      await writeFile(values.out, json, { mode: 0o600 });
      console.log(
        `Wrote region "${slug}" to ${values.out}: ${document.organisations.length} organisations, ${document.people.length} people.`,
      );
    } else {
      process.stdout.write(json);
    }
  },
};
