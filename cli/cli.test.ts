import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), "lr-cli-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/**
 * Runs `node cli/main.ts …` as an operator would, on a PGlite folder of the test's own. With
 * --liftoff-only, as the server runs (docs/architecture.md, "Memory"): V8 then compiles PGlite's
 * WASM once, not a second time with its optimising tier, which halves each command's CPU.
 */
async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--liftoff-only", "cli/main.ts", ...args],
      {
        env: { ...process.env, DATA_DIR: join(dataDir, "db"), DATABASE_URL: "", ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const oneLine = (text: string) => text.trim().split("\n").length === 1;

describe("the command line", () => {
  it("lists its commands and each command's options", async () => {
    const top = await cli(["--help"]);
    expect(top.code).toBe(0);
    for (const name of ["migrate", "seed-demo", "create-admin", "export-region", "import-region"])
      expect(top.stdout).toContain(name);
    const none = await cli([]);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain("create-admin");
    const one = await cli(["create-admin", "--help"]);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("--email");
    expect((await cli(["import-region", "--help"])).stdout).toContain("--slug");
    expect((await cli(["export-region", "--help"])).stdout).toContain("--out");
    const unknown = await cli(["frobnicate"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
  });

  it("refuses a bad e-mail, a short password and a bad configuration with one sentence", async () => {
    const res = await cli(["create-admin", "--email", "not-an-address", "--name", "X"]);
    expect(res.code).not.toBe(0);
    expect(res.stderr.trim()).toBe("--email is not a valid e-mail address.");
    const short = await cli(["create-admin", "--email", "a@example.org", "--password", "kort"]);
    expect(short.code).toBe(1);
    expect(short.stderr.trim()).toBe("--password must be at least 10 characters.");
    const config = await cli(["migrate"], { DATABASE_URL: "mysql://localhost/x" });
    expect(config.code).toBe(1);
    expect(oneLine(config.stderr)).toBe(true);
    expect(config.stderr).toContain("DATABASE_URL");
  });

  it("migrates once, then reports the database up to date", async () => {
    const first = await cli(["migrate"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Applied: 001_foundation\.sql/);
    expect((await cli(["migrate"])).stdout).toContain("up to date");
  }, 60_000);

  it("creates an administrator with a generated password, printed once, and promotes later", async () => {
    const missingName = await cli(["create-admin", "--email", "beheer@example.org"]);
    expect(missingName.code).toBe(1);
    expect(missingName.stderr.trim()).toBe("--name is required to create a new account.");
    const made = await cli(["create-admin", "--email", "Beheer@Example.org", "--name", "Beheer"]);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/beheer@example\.org[\s\S]*password: \S{10,}/);
    const again = await cli(["create-admin", "--email", "beheer@example.org"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("password unchanged");
    expect(again.stdout).not.toContain("password:");
  }, 60_000);

  it("seeds, exports and imports a region under another slug", async () => {
    expect((await cli(["seed-demo"])).stdout).toContain("demo@lerenderegio.nl");
    const twice = await cli(["seed-demo"]);
    expect(twice.code).toBe(0);
    expect(twice.stdout).toContain("nothing seeded");
    const file = join(dataDir, "region.json");
    const out = await cli(["export-region", "arnhem-nijmegen", "--out", file]);
    expect(out.code).toBe(0);
    const doc = JSON.parse(readFileSync(file, "utf8"));
    expect(doc.organisations.length).toBeGreaterThan(0);
    const again = await cli(["import-region", file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("--slug");
    const copy = await cli(["import-region", file, "--slug", "kopie"]);
    expect(copy.code).toBe(0);
    expect(copy.stdout).toContain(
      `${doc.organisations.length} organisations, ${doc.people.length} people`,
    );
    const copied = JSON.parse((await cli(["export-region", "kopie"])).stdout);
    const names = (d: typeof doc) => ({
      organisations: d.organisations.map((o: { name: string }) => o.name),
      people: d.people.map((p: { name: string; email: string }) => [p.name, p.email]),
    });
    expect(names(copied)).toEqual(names(doc));
    expect((await cli(["export-region", "nergens"])).stderr.trim()).toBe(
      'There is no region with the slug "nergens".',
    );
  }, 60_000);

  it("names what is wrong with a file and imports nothing", async () => {
    const file = join(dataDir, "broken.json");
    writeFileSync(file, JSON.stringify({ format: "lerende-regio/region", version: 1 }));
    const res = await cli(["import-region", file, "--slug", "kapot"]);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("is not a valid region export");
    expect(res.stderr).toContain("region:");
    expect((await cli(["export-region", "kapot"])).code).toBe(1);
  }, 60_000);

  it("writes a large region to a pipe in full", async () => {
    const doc = JSON.parse(readFileSync(join(dataDir, "region.json"), "utf8"));
    doc.people = Array.from({ length: 3000 }, (_, i) => ({
      name: `Persoon ${i} ${"met een lange naam ".repeat(5)}`,
      email: `persoon-${i}@example.org`,
      organisationRef: doc.organisations[i % doc.organisations.length].ref,
      perspectives: ["work"],
      expertise: ["samenwerken"],
      erasedAt: null,
    }));
    // The demo's recorded ties name the people replaced above.
    doc.declaredTies = [];
    const file = join(dataDir, "large.json");
    writeFileSync(file, JSON.stringify(doc));
    expect((await cli(["import-region", file, "--slug", "groot"])).code).toBe(0);
    const out = await cli(["export-region", "groot"]);
    expect(out.stdout.length).toBeGreaterThan(256 * 1024);
    expect(JSON.parse(out.stdout).people).toHaveLength(3000);
  }, 60_000);
});
