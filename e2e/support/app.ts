import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const projectDir = fileURLToPath(new URL("../../", import.meta.url));

export interface RunningApp {
  url: string;
  /** The demo sign-in that the app printed on its first start. */
  demo: { email: string; password: string };
  /** Everything the process wrote, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The app needs Node 24 (TypeScript type stripping); the system's node may be older. */
function nodeBinary(): string {
  const major = Number(process.versions.node.split(".")[0]);
  return major >= 24 ? process.execPath : join(projectDir, "node_modules/node/bin/node");
}

/** A database of this run's own: a temporary PGlite directory, or a fresh PostgreSQL database. */
async function freshDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = await mkdtemp(join(tmpdir(), "lr-e2e-"));
    return {
      env: { DATA_DIR: dir },
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const name = `lr_e2e_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the app exited with ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const res = await fetch(url + "/healthz");
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the app did not answer /healthz within 60 s:\n${output()}`);
}

/**
 * The real app as a separate process, started the way an operator starts it (`node
 * server/main.ts`), so that configuration parsing, demo seeding and shutdown are covered too.
 */
export async function startApp(opts: { smtpUrl: string }): Promise<RunningApp> {
  const port = await freePort();
  // 127.0.0.1 rather than localhost: links in mails must land on the host the browser's cookies are for.
  const url = `http://127.0.0.1:${port}`;
  const database = await freshDatabase();
  const child = spawn(nodeBinary(), ["--liftoff-only", "server/main.ts"], {
    cwd: projectDir,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      TZ: process.env.TZ ?? "",
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: url,
      SMTP_URL: opts.smtpUrl,
      SEED_DEMO: "true",
      LOG_LEVEL: "warn",
      BUILD_DIR: process.env.BUILD_DIR ?? "build",
      CI: "1",
      ...database.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.setEncoding("utf8").on("data", (s: string) => (out += s));
  child.stderr!.setEncoding("utf8").on("data", (s: string) => (out += s));
  const output = () => out;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await database.drop();
  };

  try {
    await waitForHealth(url, child, output);
    // The sign-in is printed before the app listens, but the pipe may deliver it a moment later.
    const deadline = Date.now() + 2_000;
    let demo: RegExpExecArray | null = null;
    while (!(demo = /e-mail:\s+(\S+)\s+password:\s+(\S+)/.exec(out)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    if (!demo) throw new Error(`the app printed no demo sign-in:\n${out}`);
    return { url, demo: { email: demo[1]!, password: demo[2]! }, output, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
