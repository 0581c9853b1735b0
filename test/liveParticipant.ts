import { randomUUID } from "node:crypto";
import WebSocket from "ws";

/**
 * A simulated participant that behaves as the browser client must: it reconnects by itself with
 * backoff, joins again with its device token, and resends an unacknowledged answer with the same
 * idempotency key until it is acknowledged.
 */
export class SimulatedParticipant {
  acked = new Map<string, unknown>();
  state: { question: { id: string }; answeringOpen: boolean; version: number } | null = null;
  reconnects = 0;
  private ws: WebSocket | null = null;
  private pending: { q: string; v: unknown; k: string } | null = null;
  private closed = false;
  private url: string;
  private code: string;
  private token: string;

  constructor(url: string, code: string, token: string) {
    this.url = url;
    this.code = code;
    this.token = token;
  }

  connect(): void {
    if (this.closed) return;
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.on("open", () => ws.send(JSON.stringify({ t: "join", code: this.code, token: this.token })));
    ws.on("message", (data) => {
      const m = JSON.parse(String(data)) as {
        t: string;
        k?: string;
        ok?: boolean;
        state?: SimulatedParticipant["state"];
      };
      if (m.t === "state") {
        this.state = m.state!;
        if (this.pending) ws.send(JSON.stringify({ t: "answer", ...this.pending }));
      } else if (m.t === "ack" && this.pending && m.k === this.pending.k) {
        if (m.ok) {
          this.acked.set(this.pending.q, this.pending.v);
          this.pending = null;
        } else if (m.ok === false) this.pending = null;
      }
    });
    ws.on("close", () => {
      if (this.closed) return;
      this.reconnects++;
      setTimeout(() => this.connect(), 100 + Math.random() * 200);
    });
    ws.on("error", () => undefined);
  }

  answer(q: string, v: unknown): void {
    this.pending = { q, v, k: randomUUID() };
    if (this.ws?.readyState === WebSocket.OPEN)
      this.ws.send(JSON.stringify({ t: "answer", ...this.pending }));
  }

  get waiting(): boolean {
    return this.pending !== null;
  }

  close(): void {
    this.closed = true;
    this.ws?.terminate();
  }
}
