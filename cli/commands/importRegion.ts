import { readFile } from "node:fs/promises";
import { importRegion } from "../../core/regions/importRegion.ts";
import { CliError, withDb, type Command } from "../command.ts";

const MAX_BYTES = 100 * 1024 * 1024;

export const importRegionCommand: Command = {
  summary: "create a region from a file written by export-region",
  usage: [
    "Usage: npm run cli -- import-region <file> [--slug <new-slug>]",
    "",
    "Creates the region with new ids, in one transaction: nothing is written when the file has",
    "an error. Members keep their role only when their e-mail already has an account here; the",
    "others are listed, to be invited again. --slug imports under another short name.",
  ].join("\n"),
  options: { slug: { type: "string" } },
  async run(values, [file]) {
    if (!file) throw new CliError("Name the file to import: npm run cli -- import-region <file>.");
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      throw new CliError(`Cannot read ${file}.`);
    }
    if (text.length > MAX_BYTES)
      throw new CliError(`${file} is larger than 100 MB; that is not a region export.`);
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      throw new CliError(`${file} is not JSON.`);
    }
    const slug = typeof values.slug === "string" ? values.slug : undefined;
    const result = await withDb(({ db }) => importRegion(db, document, { slug }));
    if (!result.ok) {
      const v = result.error.values ?? {};
      const reason: Record<string, string> = {
        "import.invalid": `${file} is not a valid region export:\n${v.details}`,
        "import.slugTaken": `A region with the slug "${v.slug}" exists already; choose another with --slug.`,
        "import.badSlug": `"${v.slug}" cannot be a slug: use lower-case letters, digits and hyphens.`,
      };
      throw new CliError(reason[result.error.key] ?? result.error.key);
    }
    const s = result.value;
    console.log(
      `Imported region "${s.slug}": ${s.organisations} organisations, ${s.people} people, ${s.memberships} members.`,
    );
    if (s.skippedMembers.length)
      console.log(
        `Not members yet (no account here; invite them again): ${s.skippedMembers.join(", ")}`,
      );
  },
};
