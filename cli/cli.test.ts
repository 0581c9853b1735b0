import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), "lr-cli-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `node cli/main.ts …` as an operator would, on a PGlite folder of the test's own. */
async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["cli/main.ts", ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("the command line", () => {
  it("lists its commands and each command's options", async () => {
    const top = await cli("--help");
    expect(top.code).toBe(0);
    for (const name of ["migrate", "seed-demo", "create-admin", "export-region", "import-region"])
      expect(top.stdout).toContain(name);
    const one = await cli("create-admin", "--help");
    expect(one.stdout).toContain("--email");
  });

  it("refuses a bad e-mail with one sentence and a non-zero exit code", async () => {
    const res = await cli("create-admin", "--email", "not-an-address", "--name", "X");
    expect(res.code).not.toBe(0);
    expect(res.stderr.trim()).toBe("--email is not a valid e-mail address.");
  });

  it("seeds, exports and imports a region under another slug", async () => {
    expect((await cli("seed-demo")).stdout).toContain("demo@lerenderegio.nl");
    const file = join(dataDir, "region.json");
    const out = await cli("export-region", "arnhem-nijmegen", "--out", file);
    expect(out.code).toBe(0);
    const doc = JSON.parse(readFileSync(file, "utf8"));
    expect(doc.organisations.length).toBeGreaterThan(0);
    const again = await cli("import-region", file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("--slug");
    const copy = await cli("import-region", file, "--slug", "kopie");
    expect(copy.code).toBe(0);
    expect(copy.stdout).toContain(
      `${doc.organisations.length} organisations, ${doc.people.length} people`,
    );
  }, 60_000);
});
