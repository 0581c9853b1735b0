import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

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

export interface RunningServer {
  url: string;
  child: ChildProcess;
  demo: { email: string; password: string };
  startedMs: number;
  stop(): Promise<void>;
}

/**
 * Starts `node server/main.ts` as its own process on a fresh PGlite folder (or DATABASE_URL when
 * given), waits for the first 200 on `/`, and reads the demo sign-in it prints.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "lr-bench-"));
  const started = performance.now();
  const child = spawn(process.execPath, ["server/main.ts"], {
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
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      rmSync(dataDir, { recursive: true, force: true });
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
