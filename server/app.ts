import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { resolve } from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { createRequestListener } from "@remix-run/node-fetch-server";
import compression from "compression";
import pino, { type Logger } from "pino";
import { createRequestHandler, RouterContextProvider, type ServerBuild } from "react-router";
import sirv from "sirv";
import type { RouterContext } from "react-router";
import { cookieValue, CSRF_COOKIE, SESSION_COOKIE } from "../app/lib/cookies.server.ts";
import { errorForLog } from "../app/lib/errorLog.server.ts";
import { negotiateLocale } from "../app/lib/locale.server.ts";
import type { Services } from "../app/lib/services.server.ts";
import {
  createResetLimiter,
  passwordResetJobHandlers,
} from "../core/accounts/requestPasswordReset.ts";
import { createLoginLimiter } from "../core/accounts/loginLimiter.ts";
import { LiveHub } from "../core/dialogue/liveHub.ts";
import { eventJobHandlers } from "../core/events/eventJobs.ts";
import { retentionJobHandlers } from "../core/privacy/retention.ts";
import { challengeDigestJobHandlers } from "../core/challenges/digest.ts";
import { createRegistrationLimiter } from "../core/events/registrationLimiter.ts";
import { createContributionLimit } from "../core/harvest/contributeForm.ts";
import { createResponseLimit } from "../core/scan/limits.ts";
import { JobRunner } from "../core/jobs/jobs.ts";
import { Mailer } from "../core/mail/outbox.ts";
import { openDb, type DbHandle } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { maskSecretPath } from "../core/kernel/secretLinks.ts";
import { translator, type MessageKey } from "../i18n/index.ts";
import type { Config } from "./env.server.ts";
import { attachLive } from "./live.ts";
import { seedShippedEntries } from "../core/knowledge/shipped.ts";

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

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const UNREAD_REFUSAL_ABOVE = 64 * 1024;

/**
 * Refuses, before a byte of the body is read, what could only end in a refusal after reading it:
 * a body without a declared length (a chunked stream could go on for ever; forms always declare
 * theirs, so 411), and a large post that carries neither a session nor a CSRF cookie, since its
 * token cannot match anything (403). A post from another site is refused in `beforeRouter`.
 */
function refuseUnreadableBody(req: IncomingMessage, res: ServerResponse): boolean {
  if (!UNSAFE.has(req.method ?? "")) return false;
  const answer = (status: number, text: string) => {
    res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" });
    res.end(text);
    req.resume();
    return true;
  };
  if (req.headers["content-length"] === undefined && req.headers["transfer-encoding"])
    return answer(
      411,
      "Stuur de aanvraag met een lengte (Content-Length). / Send the request with a Content-Length.\n",
    );
  // Small posts get the framework's friendly page for an expired form; only a large body is
  // refused unread.
  if (Number(req.headers["content-length"] ?? 0) <= UNREAD_REFUSAL_ABOVE) return false;
  const hasCookie = [SESSION_COOKIE, CSRF_COOKIE].some(
    (name) => cookieValue(req.headers.cookie, name) !== null,
  );
  if (!hasCookie)
    return answer(
      403,
      "Dit formulier is verlopen. Laad de pagina opnieuw. / This form has expired. Reload the page.\n",
    );
  return false;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A short page in the visitor's language, for what is refused before the router. */
function refusalPage(
  request: Request,
  status: number,
  keys: { title: "errors.crossOriginTitle" | "errors.badRequest"; text: MessageKey },
): Response {
  const locale = negotiateLocale(request);
  const t = translator(locale);
  const title = escapeHtml(t(keys.title));
  const page = `<!DOCTYPE html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body><main><h1>${title}</h1><p>${escapeHtml(t(keys.text))}</p><p><a href="/">${escapeHtml(t("errors.homeLink"))}</a></p></main></body></html>
`;
  return new Response(page, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Content-Language": locale },
  });
}

/**
 * What is refused or cleaned before the router. Refused with a short page in the visitor's
 * language, before a body is read:
 * - a path whose percent escapes are no UTF-8 (`/r/%ED%A0%80`): no link of ours looks like that,
 *   and the router would only warn and match it as literal text;
 * - a post from a page of another site (browsers always say where a form comes from). The
 *   comparison is React Router's own (the Origin against the request's URL, scheme and port
 *   included, as the router sees it behind a trusted proxy): the router aborts every post this
 *   lets through with a 400 and an error in the log, so the two must agree. A refused post is a
 *   visitor's doing: a warning, not an error.
 */
function beforeRouter(request: Request, log: Logger): Request | Response {
  const url = new URL(request.url);
  try {
    decodeURIComponent(url.pathname);
  } catch {
    return refusalPage(request, 400, { title: "errors.badRequest", text: "errors.characters" });
  }
  if (!UNSAFE.has(request.method)) return withoutNulInQuery(request, url);
  const origin = request.headers.get("Origin");
  if (origin === null || origin === url.origin) return request;
  log.warn(
    { method: request.method, path: loggedPath(url.pathname), origin: origin.slice(0, 200) },
    "cross-origin post refused",
  );
  return refusalPage(request, 403, {
    title: "errors.crossOriginTitle",
    text: "errors.crossOrigin",
  });
}

/**
 * Cleaned: a NUL in the query string of a page or a file (`?q=%00`), which the database cannot
 * take and nobody types, is left out, so a list's filter reads what remains, as it reads any other
 * odd value. (A NUL in a form or a path is refused by the request middleware, which is also the
 * one schema with limits for every query string: app/lib/request.server.ts.)
 */
function withoutNulInQuery(request: Request, url: URL): Request {
  if (!/%00/i.test(url.search)) return request;
  url.search = url.search.replace(/%00/gi, "");
  return new Request(url, request);
}

const projectDir = fileURLToPath(new URL("../", import.meta.url));

/**
 * A streamed page arrives in parts only if the compressor lets each part go: the fetch-server
 * writes the body chunk by chunk but never flushes, so without this the whole page would wait in
 * zlib's buffer. React Router writes few chunks (the shell, then each deferred piece).
 */
function flushEachWrite(res: ServerResponse): void {
  const compressed = res as ServerResponse & { flush?: () => void };
  if (!compressed.flush) return;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  res.write = ((...args: unknown[]) => {
    const ok = write(...args);
    compressed.flush!();
    return ok;
  }) as ServerResponse["write"];
}

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
  // Regions that predate the knowledge base get the poster's tips too; seeding again adds nothing.
  await seedShippedEntries(handle.db);
  const mailer = new Mailer(handle.db, config.SMTP_URL, config.MAIL_FROM, log);
  const jobs = new JobRunner(
    handle.db,
    {
      ...eventJobHandlers({ publicUrl: config.publicUrl }),
      ...passwordResetJobHandlers,
      ...challengeDigestJobHandlers({ publicUrl: config.publicUrl }),
      ...retentionJobHandlers((r) => {
        if (r.sessions > 0 || r.registrations > 0 || r.interest > 0)
          log.info(r, "removed personal data past retention");
      }),
    },
    (err) => log.error({ err: errorForLog(err).message }, "job failed"),
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
    contributionLimit: createContributionLimit(),
    scanResponseLimit: createResponseLimit(),
    jobs,
  };

  const buildDir = resolve(projectDir, config.BUILD_DIR) + "/";
  const build = (await import(buildDir + "server/index.js")) as ServerBuild;
  const entry = build.entry.module as unknown as {
    servicesContext: RouterContext<Services>;
    clientAddressContext: RouterContext<string>;
  };
  const assets = sirv(buildDir + "client", {
    // The build's files carry their content's hash in their name: a browser keeps them a year
    // and never asks again. Their brotli and gzip twins were made at build time (vite.config.ts).
    maxAge: 31536000,
    immutable: true,
    brotli: true,
    gzip: true,
    etag: true,
    setHeaders: (res, pathname) => {
      // sirv's type table has no .ico; without a type a browser may not take it as the icon.
      if (pathname.endsWith(".ico")) res.setHeader("Content-Type", "image/x-icon");
      // The icons keep their name from build to build: a day, not a year.
      if (!pathname.startsWith("/assets/")) res.setHeader("Cache-Control", "public, max-age=86400");
    },
  });
  // Pages, JSON, calendars and CSV are made per request: compressed as they stream (brotli where
  // the browser takes it, else gzip).
  const compress = compression({
    brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  const handleRequest = createRequestHandler(build, "production");
  // Behind a TLS-terminating proxy (TRUST_PROXY), the request's scheme, host and client address
  // come from its X-Forwarded-* headers, so the framework's origin check compares https with
  // https and the per-client limits count the visitor, not the proxy.
  const listener = createRequestListener(
    (request: Request, client: { address: string }) => {
      const checked = beforeRouter(request, log);
      if (checked instanceof Response) return checked;
      const context = new RouterContextProvider();
      context.set(entry.servicesContext, services);
      context.set(entry.clientAddressContext, client.address);
      return handleRequest(checked, context);
    },
    { trustProxy: config.TRUST_PROXY === "true" },
  );
  const hsts = config.publicUrl.startsWith("https://");

  const server = createServer((req, res) => {
    const started = performance.now();
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    // Where the page may send forms, which base URLs and frames it accepts; scripts are the
    // build's own files plus React Router's inline hydration data.
    res.setHeader(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    if (hsts) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
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
    if (refuseUnreadableBody(req, res)) return;
    assets(req, res, () => {
      // A file of the build that is not there (a stale tab asking for an earlier build's chunk)
      // is a plain 404: no page to render, no error of ours to log.
      if (req.url?.startsWith("/assets/")) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
        return void res.end("Niet gevonden. / Not found.\n");
      }
      compress(req as never, res as never, () => {
        flushEachWrite(res);
        void listener(req, res);
      });
    });
  });
  // Headers over Node's limit (16 kB: an address with a 20,000-character search, say) never reach
  // a handler, and Node's own answer is a bare 431. Say why, in both languages as the other
  // answers before the router do (the language is in the headers that did not parse); any other
  // error of the connection is answered as Node answers it without this listener.
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    // As Node's documentation of the event does it: nothing to say to a connection that is gone.
    if (err.code !== "ECONNRESET" && socket.writable) {
      const [status, reason, text] =
        err.code === "HPE_HEADER_OVERFLOW"
          ? [
              431,
              "Request Header Fields Too Large",
              "Het adres of de kopregels van deze aanvraag zijn te lang. / The address or the headers of this request are too long.\n",
            ]
          : err.code === "HPE_CHUNK_EXTENSIONS_OVERFLOW"
            ? [413, "Payload Too Large", ""]
            : err.code === "ERR_HTTP_REQUEST_TIMEOUT"
              ? [408, "Request Timeout", ""]
              : [400, "Bad Request", ""];
      // end(), not write() and destroy(): the answer must arrive before the connection closes.
      return void socket.end(
        `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
      );
    }
    socket.destroy();
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
