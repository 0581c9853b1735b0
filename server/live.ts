import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { findSessionUser } from "../core/accounts/sessions.ts";
import type { LiveHub } from "../core/dialogue/liveHub.ts";
import type { ClientMessage } from "../core/dialogue/protocol.ts";
import type { Db } from "../db/client.ts";

export const LIVE_PATH = "/live/ws";
/** An answer is at most 2,000 characters; 16 KB leaves room for JSON and refuses anything silly. */
const MAX_MESSAGE_BYTES = 16 * 1024;

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return null;
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
): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const alive = new WeakSet<WebSocket>();

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if ((req.url ?? "").split("?")[0] !== LIVE_PATH) {
      socket.destroy();
      return;
    }
    void (async () => {
      const token = cookie(req, "lr_session");
      const user =
        token && /^[A-Za-z0-9_-]{1,200}$/.test(token)
          ? await findSessionUser(db, token).catch(() => null)
          : null;
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
          let message: ClientMessage;
          try {
            message = JSON.parse(String(data)) as ClientMessage;
          } catch {
            ws.send(JSON.stringify({ t: "error", error: "errors.badRequest" }));
            return;
          }
          if (!message || typeof message !== "object" || typeof message.t !== "string") return;
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
