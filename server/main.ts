import "./production.ts";
import { mkdirSync } from "node:fs";
import pino from "pino";
import { seedDemoIfEmpty } from "../demo/seedDemo.ts";
import { anonymiseExpiredDialogue } from "../core/dialogue/anonymiseExpired.ts";
import { forgetExpiredInterest } from "../core/coalitions/retention.ts";
import { anonymiseExpiredRegistrations } from "../core/events/anonymise.ts";
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

// Retention: at start and every six hours, dialogue sessions, event registrations and unanswered or
// declined coalition interest past their region's retention period lose what identifies people.
// Each is an idempotent sweep, so a restart or a second process repeats nothing.
const sweepRetention = () =>
  Promise.all([
    anonymiseExpiredDialogue(app.handle.db),
    anonymiseExpiredRegistrations(app.handle.db),
    forgetExpiredInterest(app.handle.db),
  ])
    .then(([dialogue, registrations, interest]) => {
      if (dialogue.sessions > 0 || registrations > 0 || interest > 0)
        log.info({ ...dialogue, registrations, interest }, "removed personal data past retention");
    })
    .catch((err: unknown) => log.error({ err }, "anonymising past retention failed"));
void sweepRetention();
setInterval(() => void sweepRetention(), 6 * 60 * 60 * 1000).unref();

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
