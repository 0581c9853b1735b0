import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { parseClientMessage, type ServerMessage } from "../core/dialogue/protocol.ts";
import { TestClient } from "../test/client.ts";
import { makeScope, TEST_PASSWORD } from "../test/fixtures.ts";
import { startTestServer, type TestServer } from "../test/server.ts";

/** Messages that are not the protocol are answered with an error, and the socket goes on. */

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

/** TestClient keeps its cookies to itself; a WebSocket needs them as a header. */
const cookiesOf = (c: TestClient) => (c as unknown as { cookieHeader(): string }).cookieHeader();

function open(
  headers: Record<string, string> = {},
): Promise<{ ws: WebSocket; got: ServerMessage[] }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(s.url.replace("http", "ws") + "/live/ws", { headers });
    const got: ServerMessage[] = [];
    ws.on("message", (d) => got.push(JSON.parse(String(d)) as ServerMessage));
    ws.once("open", () => resolve({ ws, got }));
    ws.once("error", reject);
  });
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const MALFORMED = [
  "not json",
  "null",
  "[]",
  '"join"',
  JSON.stringify({ t: "dance" }),
  JSON.stringify({ t: "join", code: 42, token: "x" }),
  JSON.stringify({ t: "watch" }),
  JSON.stringify({ t: "answer", q: "q1", v: 3 }),
  JSON.stringify({ t: "answer", q: "q1", v: 3, k: "" }),
  JSON.stringify({ t: "control", command: { cmd: "explode" } }),
  JSON.stringify({ t: "hide", participantId: "p", questionId: "q", hidden: "yes" }),
  // Text the database cannot store, in what would reach a query (issue 17).
  JSON.stringify({ t: "join", code: "ABC\u0000", token: "x" }),
  JSON.stringify({ t: "watch", sessionId: "\ud800" }),
  JSON.stringify({ t: "answer", q: "q1", v: 3, k: "k\u0000" }),
];

describe("parsing a client's message", () => {
  it("accepts the protocol's messages and refuses anything else", () => {
    expect(parseClientMessage(JSON.stringify({ t: "ping" }))).toEqual({ t: "ping" });
    expect(
      parseClientMessage(JSON.stringify({ t: "answer", q: "q1", v: { now: 2 }, k: "a1" })),
    ).toEqual({ t: "answer", q: "q1", v: { now: 2 }, k: "a1" });
    expect(
      parseClientMessage(JSON.stringify({ t: "control", command: { cmd: "timer", seconds: 60 } })),
    ).toEqual({ t: "control", command: { cmd: "timer", seconds: 60 } });
    for (const raw of MALFORMED) expect(parseClientMessage(raw)).toBeNull();
  });
});

describe("a malformed message over the socket", () => {
  it("gets the protocol's error, and the same socket then watches a session as usual", async () => {
    const { region, user } = await makeScope(s.db, "facilitator");
    const facilitator = new TestClient(s.url);
    await facilitator.signIn(user.email, TEST_PASSWORD);
    await facilitator.get(`/manage/${region.slug}/dialogue`);
    const res = await facilitator.post(`/manage/${region.slug}/dialogue`, {
      title: "Werksessie",
      template: "learning-region",
      language: "nl",
    });
    const sessionId = res.headers.get("Location")!.split("/").pop()!;

    const { ws, got } = await open({ Cookie: cookiesOf(facilitator) });
    for (const raw of MALFORMED) ws.send(raw);
    await until(() => got.length >= MALFORMED.length);
    expect(got).toEqual(MALFORMED.map(() => ({ t: "error", error: "errors.badRequest" })));

    ws.send(JSON.stringify({ t: "ping" }));
    await until(() => got.some((m) => m.t === "pong"));
    ws.send(JSON.stringify({ t: "watch", sessionId }));
    await until(() => got.some((m) => m.t === "state"));
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.terminate();
  });
});
