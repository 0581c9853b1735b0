import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { hashPassword } from "../core/accounts/password.ts";
import type { Database } from "../db/schema.ts";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/**
 * With `--postgres [url]` (default postgres://postgres@127.0.0.1:5432/postgres) the server runs on
 * a fresh database on that PostgreSQL server, dropped afterwards; otherwise on a fresh PGlite folder.
 */
export async function databaseFromArgs(): Promise<{
  env: Record<string, string>;
  label: string;
  drop(): Promise<void>;
}> {
  const i = process.argv.indexOf("--postgres");
  if (i < 0) return { env: {}, label: "PGlite", drop: async () => {} };
  const next = process.argv[i + 1];
  const server =
    next && next.startsWith("postgres") ? next : "postgres://postgres@127.0.0.1:5432/postgres";
  const { default: pg } = await import("pg");
  const name = `lr_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    label: "PostgreSQL",
    async drop() {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  demo: { email: string; password: string };
  startedMs: number;
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

/**
 * Starts `node server/main.ts` as its own process on a fresh PGlite folder (or DATABASE_URL when
 * given), waits for the first 200 on `/`, and reads the demo sign-in it prints.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), "lr-bench-"));
  const started = performance.now();
  // As `npm start` runs it: see "Memory" in docs/architecture.md.
  const child = spawn(process.execPath, ["--liftoff-only", "server/main.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      SEED_DEMO: "true",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url + "/");
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const startedMs = performance.now() - started;
  const email = /e-mail:\s+(\S+)/.exec(out)?.[1] ?? "";
  const password = /password:\s+(\S+)/.exec(out)?.[1] ?? "";
  return {
    url,
    child,
    demo: { email, password },
    startedMs,
    async stop(opts: { keepData?: boolean } = {}) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the real form and returns the Cookie header of the session. */
export async function signInCookie(url: string, email: string, password: string): Promise<string> {
  const page = await fetch(url + "/login");
  const csrfCookie = page.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(url + "/login", {
    method: "POST",
    body: new URLSearchParams({ _csrf: token, email, password }),
    headers: { Cookie: csrfCookie, Origin: url },
    redirect: "manual",
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("lr_session="));
  if (!session) throw new Error(`sign-in failed: ${res.status}`);
  return `${csrfCookie}; ${session.split(";")[0]}`;
}

/**
 * A region with one organiser who can sign in (verified), written straight into a fresh
 * benchmark database: the benches measure reading, so they seed without the intents.
 */
export async function seedRegionWithOrganiser(
  db: Kysely<Database>,
  region: { slug: string; name: string },
  organiser: { email: string; password: string },
): Promise<{ regionId: string }> {
  const row = await db
    .insertInto("regions")
    .values(region)
    .returning("id")
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto("users")
    .values({
      email: organiser.email,
      name: "Organisator",
      password_hash: await hashPassword(organiser.password),
      email_verified_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("memberships")
    .values({ user_id: user.id, region_id: row.id, role: "organiser" })
    .execute();
  return { regionId: row.id };
}
