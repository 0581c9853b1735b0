import { createServer, type Server } from "node:http";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestListener } from "@react-router/node";
import pino, { type Logger } from "pino";
import { RouterContextProvider, type ServerBuild } from "react-router";
import sirv from "sirv";
import type { RouterContext } from "react-router";
import type { Services } from "../app/lib/services.server.ts";
import { createResetLimiter, passwordResetJobHandlers } from "../core/accounts/resetPassword.ts";
import { createLoginLimiter } from "../core/accounts/signIn.ts";
import { LiveHub } from "../core/dialogue/liveHub.ts";
import { eventJobHandlers } from "../core/events/eventJobs.ts";
import { createRegistrationLimiter } from "../core/events/registrationLimiter.ts";
import { JobRunner } from "../core/jobs/jobs.ts";
import { Mailer } from "../core/mail/outbox.ts";
import { openDb, type DbHandle } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { maskSecretPath } from "../core/shared/secretLinks.ts";
import type { Config } from "./env.server.ts";
import { attachLive } from "./live.ts";

/** Request bodies above these sizes are refused before anything reads them. */
export const BODY_LIMITS = { form: 1024 * 1024, upload: 5 * 1024 * 1024 };

export interface App {
  server: Server;
  handle: DbHandle;
  services: Services;
  close(): Promise<void>;
}

/** The path as it goes into the request log: a log line must not be enough to use a secret link. */
export const loggedPath = maskSecretPath;

const projectDir = fileURLToPath(new URL("../", import.meta.url));

/**
 * Wires the process together: database (migrated), mail, logger, static assets and the React
 * Router build. Tests and benchmarks start the same thing on a port of their own.
 */
export async function createApp(
  config: Config,
  opts: { log?: Logger; handle?: DbHandle } = {},
): Promise<App> {
  const log = opts.log ?? pino({ level: config.LOG_LEVEL });
  const handle =
    opts.handle ??
    (await openDb({
      url: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      onIdleError: (err) => log.warn({ err: err.message }, "database connection lost"),
    }));
  await migrate(handle);
  const mailer = new Mailer(handle.db, config.SMTP_URL, config.MAIL_FROM, log);
  const jobs = new JobRunner(
    handle.db,
    { ...eventJobHandlers({ publicUrl: config.publicUrl }), ...passwordResetJobHandlers },
    (err) => log.error({ err: err instanceof Error ? err.message : String(err) }, "job failed"),
    () => void mailer.kick(),
  );
  const services: Services = {
    db: handle.db,
    config,
    mailer,
    log,
    loginLimiter: createLoginLimiter(),
    resetLimiter: createResetLimiter(),
    live: new LiveHub(handle.db, {
      log,
      joinsPerClientPerMinute: config.LIVE_JOINS_PER_CLIENT_PER_MINUTE,
    }),
    registrationLimiter: createRegistrationLimiter(config.REGISTRATIONS_PER_CLIENT_PER_MINUTE),
    jobs,
  };

  const buildDir = resolve(projectDir, config.BUILD_DIR) + "/";
  const build = (await import(buildDir + "server/index.js")) as ServerBuild;
  const entry = build.entry.module as unknown as {
    servicesContext: RouterContext<Services>;
    clientAddressContext: RouterContext<string>;
  };
  const assets = sirv(buildDir + "client", { immutable: true, gzip: false, etag: true });
  const listener = createRequestListener({
    build,
    mode: "production",
    getLoadContext: (_request, client) => {
      const context = new RouterContextProvider();
      context.set(entry.servicesContext, services);
      context.set(entry.clientAddressContext, client.address);
      return context;
    },
  });

  const server = createServer((req, res) => {
    const started = performance.now();
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.on("finish", () => {
      // One line per request, without query strings or bodies: no personal data in logs.
      log.info(
        {
          method: req.method,
          path: loggedPath(req.url),
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        "request",
      );
    });
    const length = Number(req.headers["content-length"] ?? 0);
    const limit = (req.headers["content-type"] ?? "").startsWith("multipart/")
      ? BODY_LIMITS.upload
      : BODY_LIMITS.form;
    if (length > limit) {
      res.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
      res.end(
        `De aanvraag is te groot (hoogstens ${limit / 1024 / 1024} MB). / The request is too large (at most ${limit / 1024 / 1024} MB).\n`,
      );
      req.resume();
      return;
    }
    assets(req, res, () => void listener(req, res));
  });

  // Deliver what is waiting (e.g. after a restart), then retry failures every minute.
  void mailer.kick();
  const retry = setInterval(() => void mailer.kick(), 60_000);
  retry.unref();
  // Reminders and follow-ups that fell due while the process was down run now, then every 30 s.
  jobs.start(30_000);

  const live = attachLive(server, services.live, handle.db, log, {
    config,
    maxConnectionsPerClient: config.LIVE_CONNECTIONS_PER_CLIENT,
  });

  return {
    server,
    handle,
    services,
    async close() {
      clearInterval(retry);
      await jobs.stop();
      await live.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      mailer.close();
      await handle.close();
    },
  };
}
