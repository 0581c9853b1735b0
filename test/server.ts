import type { AddressInfo } from "node:net";
import pino from "pino";
import { createApp, type App } from "../server/app.ts";
import { parseConfig } from "../server/env.server.ts";
import { createTestDb, type TestDb } from "./db.ts";

export interface TestServer {
  url: string;
  app: App;
  db: TestDb["db"];
  close(): Promise<void>;
}

/**
 * The real app (the built React Router server, real HTTP) on a free port, on a database of the
 * test's own. Needs a build: `npm test` builds first.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { log?: pino.Logger } = {},
): Promise<TestServer> {
  const testDb = await createTestDb();
  const config = parseConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    BUILD_DIR: process.env.BUILD_DIR ?? "build",
    ...env,
  });
  const app = await createApp(config, {
    log: options.log ?? pino({ level: "silent" }),
    handle: testDb,
  });
  await new Promise<void>((resolve) => app.server.listen(0, "127.0.0.1", resolve));
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  // Links in mails must point at this server.
  app.services.config.publicUrl = url;
  return {
    url,
    app,
    db: testDb.db,
    async close() {
      await app.close().catch(() => undefined);
      await testDb.dispose();
    },
  };
}
