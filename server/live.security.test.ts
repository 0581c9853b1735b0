import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { clientKey } from "../core/kernel/clientKey.ts";
import { joinSession } from "../core/dialogue/joinSession.ts";
import type { ServerMessage } from "../core/dialogue/protocol.ts";
import { TestClient } from "../test/client.ts";
import { makeScope, TEST_PASSWORD } from "../test/fixtures.ts";
import { startTestServer, type TestServer } from "../test/server.ts";

/**
 * The audit's findings on the live gateway, through the real server: cross-site WebSocket
 * hijacking, ballot stuffing with endless joins, and thousands of sockets from one address.
 */

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

/** TestClient keeps its cookies to itself; a WebSocket needs them as a header. */
const cookiesOf = (c: TestClient) => (c as unknown as { cookieHeader(): string }).cookieHeader();
const deviceToken = (c: TestClient, code: string) =>
  (c as unknown as { cookies: Map<string, string> }).cookies.get(`lr_device_${code}`)!;

const wsUrl = (server: TestServer) => server.url.replace("http", "ws") + "/live/ws";

interface Opened {
  status: number;
  ws: WebSocket;
  got: ServerMessage[];
}

/** Opens a socket; resolves with it once open, or with the HTTP status that refused it. */
function open(server: TestServer, headers: Record<string, string> = {}): Promise<Opened> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl(server), { headers });
    const got: ServerMessage[] = [];
    ws.on("message", (d) => got.push(JSON.parse(String(d)) as ServerMessage));
    ws.once("open", () => resolve({ ws, got, status: 101 }));
    ws.once("unexpected-response", (_req, res) => {
      resolve({ status: res.statusCode ?? 0, ws, got });
      ws.terminate();
    });
    ws.once("error", (err) => reject(err));
  });
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A facilitator starts a session through the form: console path, session id and code. */
async function startSession(server: TestServer) {
  const { region, user } = await makeScope(server.db, "facilitator");
  const facilitator = new TestClient(server.url);
  await facilitator.signIn(user.email, TEST_PASSWORD);
  await facilitator.get(`/manage/${region.slug}/dialogue`);
  const res = await facilitator.post(`/manage/${region.slug}/dialogue`, {
    title: "Werksessie",
    template: "learning-region",
    language: "nl",
  });
  const consolePath = res.headers.get("Location")!;
  const page = await (await facilitator.get(consolePath)).text();
  const code = /<strong>([A-Z0-9]{4} [A-Z0-9]{4})<\/strong>/.exec(page)![1]!.replace(" ", "");
  return { facilitator, consolePath, sessionId: consolePath.split("/").pop()!, code };
}

/** A phone joins over HTTP, as the join form does. */
async function phoneJoins(server: TestServer, code: string, displayName = "") {
  const phone = new TestClient(server.url);
  await phone.get(`/live/${code}`);
  const res = await phone.post(`/live/${code}`, { _intent: "join", displayName });
  return { phone, res };
}

const participantsOf = (server: TestServer, sessionId: string) =>
  server.db
    .selectFrom("dialogue_participants")
    .select(["id", "client_fingerprint"])
    .where("session_id", "=", sessionId)
    .execute();

describe("the WebSocket's origin", () => {
  it("refuses an upgrade from a page of another origin with 403, also with the facilitator's cookie, and lets its own origin and programs without Origin in", async () => {
    const { facilitator, sessionId } = await startSession(s);
    const port = Number(new URL(s.url).port);
    // A same-site page on another port: the browser sends the cookie along.
    const foreign = await open(s, {
      Cookie: cookiesOf(facilitator),
      Origin: `http://127.0.0.1:${port + 1}`,
    });
    expect(foreign.status).toBe(403);
    expect((await open(s, { Origin: "https://evil.example" })).status).toBe(403);

    const own = await open(s, { Cookie: cookiesOf(facilitator), Origin: s.url });
    expect(own.status).toBe(101);
    own.ws.send(JSON.stringify({ t: "watch", sessionId }));
    await until(() => own.got.some((m) => m.t === "state"));
    own.ws.terminate();

    const program = await open(s);
    expect(program.status).toBe(101);
    program.ws.terminate();
  });
});

describe("simultaneous WebSockets per client address", () => {
  let strict: TestServer;
  beforeAll(async () => {
    strict = await startTestServer({ LIVE_CONNECTIONS_PER_CLIENT: "3" });
  });
  afterAll(async () => {
    await strict.close();
  });

  it("refuses the socket beyond LIVE_CONNECTIONS_PER_CLIENT with 429 and admits again once one closed", async () => {
    const sockets = await Promise.all([open(strict), open(strict), open(strict)]);
    expect(sockets.map((x) => x.status)).toEqual([101, 101, 101]);
    expect((await open(strict)).status).toBe(429);
    const first = sockets[0]!;
    const closed = new Promise((r) => first.ws.once("close", r));
    first.ws.close();
    await closed;
    // The server sees the close a moment after the client does.
    let again = await open(strict);
    for (let i = 0; i < 20 && again.status !== 101; i++) {
      await new Promise((r) => setTimeout(r, 50));
      again = await open(strict);
    }
    expect(again.status).toBe(101);
    for (const x of [...sockets.slice(1), again]) x.ws.terminate();
  });

  it("closes a socket that sends a message over 16 KB", async () => {
    const x = await open(strict);
    expect(x.status).toBe(101);
    const code = new Promise<number>((r) => x.ws.once("close", (c) => r(c)));
    x.ws.send("x".repeat(17 * 1024));
    expect(await code).toBe(1009);
  });
});

describe("joins per client address and session", () => {
  let strict: TestServer;
  beforeAll(async () => {
    strict = await startTestServer({ LIVE_JOINS_PER_CLIENT_PER_MINUTE: "3" });
  });
  afterAll(async () => {
    await strict.close();
  });

  it("lets one address add LIVE_JOINS_PER_CLIENT_PER_MINUTE participants to a session, refuses more with a translated message, and does not count a device joining again", async () => {
    const { sessionId, code } = await startSession(strict);
    const first = await phoneJoins(strict, code, "Sanne");
    expect(first.res.status).toBe(302);
    // The same phone posting the join form again resumes: no new participant, nothing counted.
    expect((await first.phone.post(`/live/${code}`, { _intent: "join" })).status).toBe(302);
    expect((await first.phone.post(`/live/${code}`, { _intent: "join" })).status).toBe(302);
    expect((await phoneJoins(strict, code)).res.status).toBe(302);
    expect((await phoneJoins(strict, code)).res.status).toBe(302);

    const refused = await phoneJoins(strict, code);
    expect(refused.res.status).toBe(429);
    expect(await refused.res.text()).toContain(
      "Er doen vanaf dit netwerk in korte tijd te veel mensen mee met deze sessie",
    );
    const english = new TestClient(strict.url);
    await english.get(`/live/${code}`, { "Accept-Language": "en" });
    const refusedEn = await english.post(
      `/live/${code}`,
      { _intent: "join" },
      { "Accept-Language": "en" },
    );
    expect(refusedEn.status).toBe(429);
    expect(await refusedEn.text()).toContain("Too many people joined this session");
    expect(await participantsOf(strict, sessionId)).toHaveLength(3);
    // The first phone still resumes after the allowance is spent.
    expect((await first.phone.post(`/live/${code}`, { _intent: "join" })).status).toBe(302);

    // The allowance is per session: the same address joins another session.
    const other = await startSession(strict);
    expect((await phoneJoins(strict, other.code)).res.status).toBe(302);
  });
});

describe("removing a flood of joins", () => {
  it("shows the facilitator many joins from one source within a minute, removes them with a plain form, and the results lose their answers live", async () => {
    const { facilitator, consolePath, sessionId, code } = await startSession(s);
    // Someone on another network (joined without a source of ours) answers too.
    const outsider = await joinSession(s.db, code, { displayName: "Anouk" }, null);
    if (!outsider.ok) throw new Error("join failed");
    await facilitator.post(consolePath, { _intent: "open" });

    const phones: TestClient[] = [];
    for (let i = 0; i < 12; i++) {
      const { phone, res } = await phoneJoins(s, code);
      expect(res.status).toBe(302);
      phones.push(phone);
    }
    const rows = await participantsOf(s, sessionId);
    const fingerprints = new Set(
      rows.flatMap((r) => (r.client_fingerprint ? [r.client_fingerprint] : [])),
    );
    expect(fingerprints.size).toBe(1);
    const [fingerprint] = fingerprints;
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint).not.toContain("127.0.0.1");

    // Every phone answers; one of them also follows the session over the WebSocket.
    const page = await (await phones[0]!.get(`/live/${code}`)).text();
    const questionId = /name="questionId" value="([^"]+)"/.exec(page)![1]!;
    for (const [i, phone] of phones.entries()) {
      const saved = await phone.post(`/live/${code}`, {
        _intent: "answer",
        questionId,
        key: `k${i}`,
        now: "5",
        desired: "5",
      });
      expect(saved.status).toBe(200);
    }
    const hub = s.app.services.live;
    const saved = await hub.submit(
      sessionId,
      outsider.value.participant,
      questionId,
      { now: 1, desired: 2 },
      "o",
    );
    expect(saved.ok).toBe(true);

    const watcher = await open(s, { Cookie: cookiesOf(facilitator), Origin: s.url });
    const device = await open(s, { Origin: s.url });
    expect([watcher.status, device.status]).toEqual([101, 101]);
    watcher.ws.send(JSON.stringify({ t: "watch", sessionId }));
    device.ws.send(JSON.stringify({ t: "join", code, token: deviceToken(phones[1]!, code) }));
    await until(() => device.got.some((m) => m.t === "state"));
    await until(() => watcher.got.some((m) => m.t === "results" && m.results.all.count === 13));

    const consolePage = await (await facilitator.get(consolePath)).text();
    expect(consolePage).toContain("12 deelnemers van één apparaat/netwerk binnen 1 minuut");
    expect(consolePage).toContain("Deze 12 deelnemers verwijderen");
    expect(consolePage).not.toContain("deelnemers verwijderd");
    const field = (name: string) =>
      new RegExp(`name="${name}" value="([^"]+)"`).exec(consolePage)![1]!;
    expect(field("source")).toBe(fingerprint);

    const removed = await facilitator.post(consolePath, {
      _intent: "remove",
      source: field("source"),
      from: field("from"),
      to: field("to"),
    });
    expect(removed.status).toBe(302);
    expect(removed.headers.get("Location")).toContain("removed=12");

    // The database, the live results and the removed device all know.
    expect((await participantsOf(s, sessionId)).map((r) => r.id)).toEqual([
      outsider.value.participant.id,
    ]);
    const answers = await s.db
      .selectFrom("dialogue_answers")
      .select("participant_id")
      .where("session_id", "=", sessionId)
      .execute();
    expect(answers).toEqual([{ participant_id: outsider.value.participant.id }]);
    await until(() => watcher.got.some((m) => m.t === "results" && m.results.all.count === 1));
    await until(() => device.got.some((m) => m.t === "error" && m.error === "dialogue.removed"));
    const after = await (await facilitator.get(`${consolePath}?removed=12`)).text();
    expect(after).toContain("12 deelnemers verwijderd");
    expect(after).toContain(">1 antwoord<");
    expect(after).not.toContain("deelnemers van één apparaat/netwerk");
    // A removed phone no longer answers: its device token leads nowhere.
    const late = await phones[2]!.post(`/live/${code}`, {
      _intent: "answer",
      questionId,
      key: "late",
      now: "5",
      desired: "5",
    });
    expect(late.status).toBe(400);
    watcher.ws.terminate();
    device.ws.terminate();
  });

  it("removes a single participant from the list with its own form", async () => {
    const { facilitator, consolePath, sessionId, code } = await startSession(s);
    await phoneJoins(s, code, "Sanne");
    await phoneJoins(s, code, "Bram");
    const page = await (await facilitator.get(consolePath)).text();
    expect(page).toContain('Verwijderen<span class="lr-visually-hidden">: Bram, aangemeld om');
    const ids = [...page.matchAll(/name="participantId" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(2);
    const bram = await s.db
      .selectFrom("dialogue_participants")
      .select("id")
      .where("session_id", "=", sessionId)
      .where("display_name", "=", "Bram")
      .executeTakeFirstOrThrow();
    expect(ids).toContain(bram.id);
    const res = await facilitator.post(consolePath, { _intent: "remove", participantId: bram.id });
    expect(res.headers.get("Location")).toContain("removed=1");
    expect(
      await s.db
        .selectFrom("dialogue_participants")
        .select("display_name")
        .where("session_id", "=", sessionId)
        .execute(),
    ).toEqual([{ display_name: "Sanne" }]);
    expect(
      (await facilitator.post(consolePath, { _intent: "remove", participantId: "nonsense" }))
        .status,
    ).toBe(400);
  });
});

describe("client sources", () => {
  it("counts IPv4 addresses as themselves and IPv6 addresses by their /64", () => {
    expect(clientKey("203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
    expect(clientKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });
});
