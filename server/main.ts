import "./production.ts";
import { mkdirSync } from "node:fs";
import pino from "pino";
import { seedDemoIfEmpty } from "../demo/seedDemo.ts";
import { planRetentionSweep } from "../core/privacy/retention.ts";
import { planChallengeDigest } from "../core/challenges/digest.ts";
import { createApp } from "./app.ts";
import { ConfigError, parseConfig } from "./env.server.ts";

let config;
try {
  config = parseConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const log = pino({ level: config.LOG_LEVEL });
if (!config.DATABASE_URL) mkdirSync(config.DATA_DIR, { recursive: true });
const app = await createApp(config, { log });

if (config.SEED_DEMO === "true") {
  const demo = await seedDemoIfEmpty(app.handle.db);
  if (demo) {
    // Printed once, to the terminal of whoever started the app: the demo sign-in is not personal data.
    console.log(
      `\nDemo region "${demo.regionName}" is ready. Sign in at ${config.publicUrl}/login with\n  e-mail:   ${demo.email}\n  password: ${demo.password}\n`,
    );
  }
}

// Retention runs as a durable job every six hours (core/privacy/retention.ts); at start the
// current slot's sweep is planned, so a process that was down catches up at once.
await planRetentionSweep(app.handle.db);
// The consolidation guard's digest goes out weekly (core/challenges/digest.ts), planned the same way.
await planChallengeDigest(app.handle.db);
void app.services.jobs.kick();

app.server.listen(config.PORT, config.HOST, () => {
  log.info({ url: config.publicUrl, database: app.handle.kind }, "Lerende Regio is listening");
  if (!process.env.CI) console.log(`Lerende Regio: ${config.publicUrl}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log.info({ signal }, "shutting down");
    void app.close().then(() => process.exit(0));
  });
}
