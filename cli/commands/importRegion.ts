import { readFile, stat } from "node:fs/promises";
import { importRegion } from "../../core/regions/importRegion.ts";
import { translator } from "../../i18n/index.ts";
import { CliError, withDb, type Command } from "../command.ts";

const MAX_BYTES = 100 * 1024 * 1024;

const reasons: Record<string, string> = {
  ENOENT: "there is no such file",
  EACCES: "permission denied",
  EISDIR: "it is a folder",
};

export const importRegionCommand: Command = {
  summary: "create a region from a file written by export-region",
  usage: [
    "Usage: npm run cli -- import-region <file> [--slug <new-slug>]",
    "",
    "Creates the region with new ids, in one transaction: nothing is written when the file has",
    "an error. Members keep their role only when their e-mail already has an account here; the",
    "others are listed, to be invited again, as are pending invitations (their links cannot move).",
    "--slug imports under another short name.",
  ].join("\n"),
  options: { slug: { type: "string" } },
  async run(values, [file]) {
    if (!file) throw new CliError("Name the file to import: npm run cli -- import-region <file>.");
    let text: string;
    try {
      // Checked before reading, so that a wrong file of gigabytes is not loaded into memory.
      if ((await stat(file)).size > MAX_BYTES)
        throw new CliError(`${file} is larger than 100 MB; that is not a region export.`);
      text = await readFile(file, "utf8");
    } catch (err) {
      if (err instanceof CliError) throw err;
      const code = (err as { code?: string }).code ?? "";
      throw new CliError(`Cannot read ${file}: ${reasons[code] ?? (code || "unknown error")}.`);
    }
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      throw new CliError(`${file} is not JSON.`);
    }
    const slug = typeof values.slug === "string" ? values.slug : undefined;
    const result = await withDb(({ db }) => importRegion(db, document, { slug }));
    if (!result.ok) {
      throw new CliError(
        `${file}: ${translator("en")(result.error.key, result.error.values ?? {})}`,
      );
    }
    const s = result.value;
    console.log(
      `Imported region "${s.slug}": ${s.organisations} organisations, ${s.people} people, ${s.memberships} members, ${s.challenges} challenges.`,
    );
    if (s.skippedLinks)
      console.log(
        `Links of challenges to events, sessions, harvests, actions or coalitions not carried over (those are not in the file; link them again): ${s.skippedLinks}`,
      );
    if (s.skippedMembers.length)
      console.log(
        `Not members yet (no account here; invite them again): ${s.skippedMembers.join(", ")}`,
      );
    if (s.skippedInvitations.length)
      console.log(
        `Pending invitations not carried over (invite them again): ${s.skippedInvitations.join(", ")}`,
      );
  },
};
