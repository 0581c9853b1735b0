import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { cookieValue, SESSION_COOKIE } from "../app/lib/cookies.server.ts";
import { findSessionUser } from "../core/accounts/sessions.ts";
import type { LiveHub } from "../core/dialogue/liveHub.ts";
import { clientKey } from "../core/kernel/clientKey.ts";
import { parseClientMessage, type ServerMessage } from "../core/dialogue/protocol.ts";
import type { Db } from "../db/client.ts";

export const LIVE_PATH = "/live/ws";
/** An answer is at most 2,000 characters; 16 KB leaves room for JSON and refuses anything silly. */
const MAX_MESSAGE_BYTES = 16 * 1024;

export interface LiveGatewayOptions {
  /** Read at every upgrade: the app's own origin (PUBLIC_URL). */
  config: { publicUrl: string };
  /** Simultaneous WebSockets per client source (LIVE_CONNECTIONS_PER_CLIENT). */
  maxConnectionsPerClient: number;
}

/** Refuses an upgrade with a plain HTTP answer before any WebSocket exists. */
function refuse(socket: Duplex, status: 403 | 429, text: string): void {
  const body = `${text}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${status === 403 ? "Forbidden" : "Too Many Requests"}\r\n` +
      "Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/**
 * Cross-site WebSocket hijacking: a browser sends the user's cookies with a WebSocket from any
 * page, also from another port of the same site (cookies ignore ports), and the server must look
 * at `Origin` itself. A browser always sends it, so a browser's upgrade from a page that is not
 * ours is refused. An upgrade without `Origin` comes from a program, not a browser page: it can
 * carry only cookies it was given, so it cannot ride a signed-in user's session, and the join
 * code and device token it needs are what a participant has anyway. Those are allowed (the tests,
 * the benchmark, a load tool). Ours is PUBLIC_URL's origin or the origin the request was addressed
 * to (its Host), as for form posts in app/lib/request.server.ts.
 */
export function allowedOrigin(req: IncomingMessage, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (origin === new URL(publicUrl).origin) return true;
  const host = req.headers.host;
  const scheme = (req.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
  return host !== undefined && origin === `${scheme}://${host}`;
}

/**
 * The realtime gateway: WebSocket upgrades on /live/ws, each connection handed to the process's
 * LiveHub. Dead connections are found by ping every 20 s and dropped, so presence stays true.
 */
export function attachLive(
  server: Server,
  hub: LiveHub,
  db: Db,
  log: { warn(obj: object, msg?: string): void },
  opts: LiveGatewayOptions,
): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const alive = new WeakSet<WebSocket>();
  /** Open (and opening) WebSockets per client source; a source's entry goes when it reaches 0. */
  const open = new Map<string, number>();

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if ((req.url ?? "").split("?")[0] !== LIVE_PATH) {
      socket.destroy();
      return;
    }
    if (!allowedOrigin(req, opts.config.publicUrl)) {
      refuse(
        socket,
        403,
        "Verbinden vanaf een andere site is niet toegestaan. / Cross-origin connections are not allowed.",
      );
      return;
    }
    // Thousands of sockets from one address are a way to exhaust the server, not a room: a room
    // behind one school's address stays well under the (generous) cap, also while its phones
    // reconnect after a Wi-Fi hiccup and the heartbeat has not yet dropped their old sockets.
    const source = clientKey(req.socket.remoteAddress ?? "unknown");
    const count = open.get(source) ?? 0;
    if (count >= opts.maxConnectionsPerClient) {
      refuse(
        socket,
        429,
        "Te veel verbindingen vanaf dit adres. / Too many connections from this address.",
      );
      return;
    }
    open.set(source, count + 1);
    let released = false;
    socket.once("close", () => {
      if (released) return;
      released = true;
      const left = (open.get(source) ?? 1) - 1;
      if (left > 0) open.set(source, left);
      else open.delete(source);
    });
    void (async () => {
      const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
      const user = token ? await findSessionUser(db, token).catch(() => null) : null;
      wss.handleUpgrade(req, socket, head, (ws) => {
        const client = hub.connect(
          {
            send: (m) => {
              if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
            },
            close: () => ws.close(1001),
          },
          { userId: user?.id ?? null, clientAddress: req.socket.remoteAddress ?? "unknown" },
        );
        alive.add(ws);
        ws.on("pong", () => alive.add(ws));
        ws.on("message", (data) => {
          const message = parseClientMessage(String(data));
          if (!message) {
            const refusal: ServerMessage = { t: "error", error: "errors.badRequest" };
            ws.send(JSON.stringify(refusal));
            return;
          }
          hub.handle(client, message).catch((err: unknown) => {
            log.warn(
              { err: err instanceof Error ? err.message : String(err) },
              "live message failed",
            );
            ws.send(JSON.stringify({ t: "error", error: "dialogue.retry" }));
          });
        });
        ws.on("close", () => hub.disconnect(client));
        ws.on("error", () => ws.terminate());
      });
    })();
  });

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, 20_000);
  heartbeat.unref();

  return {
    async close() {
      clearInterval(heartbeat);
      await hub.close();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
