import { randomUUID } from "node:crypto";
import WebSocket from "ws";

/**
 * The load side of the live benchmark: N participant sockets that join and each answer once at a
 * random moment within the window, and one watcher that records every results message. Speaks the
 * same protocol as the browser (core/dialogue/protocol.ts).
 */
export interface LoadOptions {
  url: string;
  participants: { token: string }[];
  joinMessage: (token: string) => object;
  watchMessage: object;
  watchHeaders?: Record<string, string>;
  answer: (i: number) => { q: string; v: unknown };
  windowMs: number;
}

export interface LoadResult {
  connected: number;
  sent: number;
  acknowledged: number;
  refused: number;
  ackMs: number[];
  updateMs: number[];
  /** Participant ids (from each join's state message) whose answer was acknowledged. */
  ackedIds: Set<string>;
}

function open(url: string, headers?: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, perMessageDeflate: false });
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

function firstMessage(ws: WebSocket, type: string, timeoutMs = 30_000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${type} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(String(data)) as { t: string };
      if (m.t === type || m.t === "error") {
        clearTimeout(timer);
        ws.off("message", onMessage);
        if (m.t === "error") reject(new Error(JSON.stringify(m)));
        else resolve(m);
      }
    };
    ws.on("message", onMessage);
  });
}

export const percentile = (xs: number[], p: number) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!.toFixed(2);
};

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const watcher = await open(o.url, o.watchHeaders);
  const counts: { at: number; count: number }[] = [];
  watcher.on("message", (data) => {
    const m = JSON.parse(String(data)) as {
      t: string;
      count?: number;
      results?: { all: { count: number } };
    };
    if (m.t === "results")
      counts.push({ at: performance.now(), count: m.results?.all.count ?? m.count ?? 0 });
  });
  const watching = firstMessage(watcher, "state");
  watcher.send(JSON.stringify(o.watchMessage));
  await watching;

  const sockets: (WebSocket | null)[] = new Array(o.participants.length).fill(null);
  const ids: (string | undefined)[] = new Array(o.participants.length);
  const chunk = 250;
  for (let start = 0; start < o.participants.length; start += chunk) {
    await Promise.all(
      o.participants.slice(start, start + chunk).map(async (p, j) => {
        try {
          const ws = await open(o.url);
          const joined = firstMessage(ws, "state");
          ws.send(JSON.stringify(o.joinMessage(p.token)));
          const state = (await joined) as { you?: { id: string } };
          ids[start + j] = state.you?.id;
          sockets[start + j] = ws;
        } catch {
          // counted as not connected
        }
      }),
    );
  }
  const connected = sockets.filter(Boolean).length;

  const sentAt = new Map<string, { i: number; at: number }>();
  const acks: { i: number; at: number; sent: number }[] = [];
  let refused = 0;
  await new Promise<void>((resolve) => {
    let outstanding = connected;
    if (outstanding === 0) resolve();
    const deadline = setTimeout(resolve, o.windowMs + 30_000);
    sockets.forEach((ws, i) => {
      if (!ws) return;
      ws.on("message", (data) => {
        const m = JSON.parse(String(data)) as { t: string; k?: string; ok?: boolean };
        if (m.t !== "ack" || !m.k) return;
        const s = sentAt.get(m.k);
        if (!s) return;
        sentAt.delete(m.k);
        if (m.ok) acks.push({ i: s.i, at: performance.now(), sent: s.at });
        else refused++;
        if (--outstanding === 0) {
          clearTimeout(deadline);
          resolve();
        }
      });
      setTimeout(() => {
        const k = randomUUID();
        const { q, v } = o.answer(i);
        sentAt.set(k, { i, at: performance.now() });
        ws.send(JSON.stringify({ t: "answer", q, v, k }));
      }, Math.random() * o.windowMs);
    });
  });
  // Let the last coalesced results message arrive.
  await new Promise((r) => setTimeout(r, 500));

  // An answer is in the facilitator's view from the first results message counting at least as
  // many answers as had been acknowledged up to and including it.
  acks.sort((a, b) => a.at - b.at);
  const updateMs: number[] = [];
  let c = 0;
  acks.forEach((a, rank) => {
    while (c < counts.length && counts[c]!.count < rank + 1) c++;
    if (c < counts.length) updateMs.push(Math.max(0, counts[c]!.at - a.sent));
  });
  for (const ws of sockets) ws?.terminate();
  watcher.terminate();
  return {
    connected,
    sent: connected,
    acknowledged: acks.length,
    refused,
    ackMs: acks.map((a) => a.at - a.sent),
    updateMs,
    ackedIds: new Set(acks.map((a) => ids[a.i] ?? `#${a.i}`)),
  };
}
