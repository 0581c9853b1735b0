import { createServer } from "node:http";
import { WebSocketServer, type WebSocket } from "ws";
import { openDb } from "../db/client.ts";
import { sql } from "kysely";

/**
 * The floor for bench:live: a bare `ws` server that commits each answer with one INSERT into the
 * same kind of database and echoes it to the sender and to one watcher. Whatever the real server
 * costs on top of this is the price of the product's own logic.
 * Usage: node bench/liveFloor.ts <port> [postgres-url]  (PGlite in memory without a URL).
 */
const port = Number(process.argv[2]);
const handle = await openDb(process.argv[3] ? { url: process.argv[3] } : {});
await handle.runScript(
  "CREATE TABLE IF NOT EXISTS floor_answers (id serial PRIMARY KEY, participant text NOT NULL, value jsonb NOT NULL)",
);
let watcher: WebSocket | null = null;
let count = 0;
const server = createServer();
const wss = new WebSocketServer({ server });
wss.on("connection", (ws) => {
  ws.on("message", (data) => {
    const m = JSON.parse(String(data)) as { t: string; k?: string; v?: unknown; token?: string };
    if (m.t === "watch") {
      watcher = ws;
      ws.send(JSON.stringify({ t: "state" }));
    } else if (m.t === "join") {
      ws.send(JSON.stringify({ t: "state" }));
    } else if (m.t === "answer") {
      void sql`INSERT INTO floor_answers (participant, value) VALUES (${m.k}, ${JSON.stringify(m.v)}::jsonb)`
        .execute(handle.db)
        .then(() => {
          count++;
          ws.send(JSON.stringify({ t: "ack", k: m.k, ok: true }));
          watcher?.send(JSON.stringify({ t: "results", count }));
        });
    }
  });
});
server.listen(port, "127.0.0.1", () => console.log("floor ready"));
process.on("SIGTERM", () => void handle.close().then(() => process.exit(0)));
