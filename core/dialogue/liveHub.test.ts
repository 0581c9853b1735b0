import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope, makeUser } from "../../test/fixtures.ts";
import { createSession } from "./createSession.ts";
import { joinSession } from "./joinSession.ts";
import { LiveHub } from "./liveHub.ts";
import type { ServerMessage } from "./protocol.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

/** A connection that records what the hub sends, as a browser tab would receive it. */
function fakeConnection() {
  const got: ServerMessage[] = [];
  return {
    got,
    conn: { send: (m: ServerMessage) => got.push(m), close: () => undefined },
    last<T extends ServerMessage["t"]>(type: T) {
      return got.filter((m) => m.t === type).at(-1) as Extract<ServerMessage, { t: T }> | undefined;
    },
  };
}

const tick = (ms = 60) => new Promise((r) => setTimeout(r, ms));

async function setup() {
  const { scope, user } = await makeScope(t.db, "facilitator");
  const created = await createSession(scope, {
    title: "Kennissessie",
    template: "learning-region",
  });
  if (!created.ok) throw new Error("no session");
  const hub = new LiveHub(t.db, { batchMs: 2, resultsMs: 5 });
  const facilitator = fakeConnection();
  const fc = hub.connect(facilitator.conn, { userId: user.id, clientAddress: "127.0.0.1" });
  await hub.handle(fc, { t: "watch", sessionId: created.value.id });
  return {
    scope,
    user,
    hub,
    facilitator,
    fc,
    sessionId: created.value.id,
    code: created.value.joinCode,
  };
}

async function participant(
  hub: LiveHub,
  code: string,
  sector: string | null = null,
  displayName = "",
) {
  const joined = await joinSession(t.db, code, { sector: sector ?? "", displayName }, null);
  if (!joined.ok) throw new Error("join failed");
  const c = fakeConnection();
  const client = hub.connect(c.conn, { userId: null, clientAddress: "10.0.0.1" });
  await hub.handle(client, { t: "join", code, token: joined.value.deviceToken });
  return { c, client, token: joined.value.deviceToken };
}

describe("the live hub", () => {
  it("acknowledges committed answers, updates the facilitator's results and never counts a retry twice", async () => {
    const { hub, facilitator, fc, code } = await setup();
    const state = facilitator.last("state")!.state;
    await hub.handle(fc, { t: "control", command: { cmd: "open" } });
    const a = await participant(hub, code, "hbo");
    const b = await participant(hub, code, "government");
    const q = state.question;
    expect(q.kind).toBe("ladder");
    await hub.handle(a.client, { t: "answer", q: q.id, v: { now: 2, desired: 5 }, k: "a-1" });
    await hub.handle(a.client, { t: "answer", q: q.id, v: { now: 2, desired: 5 }, k: "a-1" });
    await hub.handle(b.client, { t: "answer", q: q.id, v: { now: 4, desired: 5 }, k: "b-1" });
    expect(a.c.got.filter((m) => m.t === "ack")).toEqual([
      { t: "ack", k: "a-1", ok: true },
      { t: "ack", k: "a-1", ok: true },
    ]);
    await tick();
    const results = facilitator.last("results")!.results;
    expect(results.all).toMatchObject({ kind: "ladder", count: 2, meanNow: 3, meanDesired: 5 });
    expect(Object.keys(results.bySector).sort()).toEqual(["government", "hbo"]);
    // Participants see no results until the facilitator shows them.
    expect(a.c.last("results")).toBeUndefined();
    await hub.handle(fc, { t: "control", command: { cmd: "show" } });
    await tick();
    expect(a.c.last("results")!.results.all.count).toBe(2);
    const stored = await t.db
      .selectFrom("dialogue_answers")
      .select("participant_id")
      .where("question_id", "=", q.id)
      .execute();
    expect(stored.filter((r) => r.participant_id === a.client.participant!.id)).toHaveLength(1);
    await hub.close();
  });

  it("refuses answers while answering is closed and invalid values, with a reason", async () => {
    const { hub, facilitator, code } = await setup();
    const q = facilitator.last("state")!.state.question;
    const a = await participant(hub, code);
    await hub.handle(a.client, { t: "answer", q: q.id, v: { now: 1, desired: 2 }, k: "x" });
    expect(a.c.last("ack")).toEqual({
      t: "ack",
      k: "x",
      ok: false,
      error: "dialogue.questionClosed",
    });
    await hub.close();
  });

  it("does not let another region's facilitator watch or steer a session", async () => {
    const { hub, sessionId } = await setup();
    const { user: other } = await makeScope(t.db, "admin");
    const spy = fakeConnection();
    const client = hub.connect(spy.conn, { userId: other.id, clientAddress: "127.0.0.1" });
    await hub.handle(client, { t: "watch", sessionId });
    expect(spy.got).toEqual([{ t: "error", error: "errors.notFound" }]);
    await hub.handle(client, { t: "control", command: { cmd: "next" } });
    expect(spy.last("error")).toEqual({ t: "error", error: "errors.forbidden" });
    const anonymous = hub.connect(fakeConnection().conn, {
      userId: (await makeUser(t.db)).id,
      clientAddress: "x",
    });
    await hub.handle(anonymous, { t: "watch", sessionId });
    await hub.close();
  });

  it("moves to the next question, closing answering and hiding results", async () => {
    const { hub, facilitator, fc } = await setup();
    await hub.handle(fc, { t: "control", command: { cmd: "open" } });
    await hub.handle(fc, { t: "control", command: { cmd: "show" } });
    await hub.handle(fc, { t: "control", command: { cmd: "next" } });
    const s = facilitator.last("state")!.state;
    expect(s).toMatchObject({ index: 1, answeringOpen: false, resultsVisible: false });
    await hub.close();
  });

  it("closes answering for everyone when the facilitator's timer runs out", async () => {
    const { hub, facilitator, fc, sessionId, code } = await setup();
    await hub.handle(fc, { t: "control", command: { cmd: "timer", seconds: 60 } });
    const a = await participant(hub, code);
    expect(a.c.last("state")!.state).toMatchObject({ answeringOpen: true });
    expect(a.c.last("state")!.state.timerEndsAt).not.toBeNull();
    // Bring the end close rather than wait a minute; the hub follows the stored moment.
    await t.db
      .updateTable("dialogue_sessions")
      .set({ timer_ends_at: new Date(Date.now() + 200) })
      .where("id", "=", sessionId)
      .execute();
    await hub.refresh(sessionId);
    await tick(400);
    expect(a.c.last("state")!.state.answeringOpen).toBe(false);
    expect(facilitator.last("state")!.state.answeringOpen).toBe(false);
    const q = a.c.last("state")!.state.question;
    await hub.handle(a.client, { t: "answer", q: q.id, v: { now: 1, desired: 2 }, k: "late" });
    expect(a.c.last("ack")).toMatchObject({ ok: false, error: "dialogue.questionClosed" });
    await hub.close();
  });

  it("sends participants and the wall no sector of fewer than three and no names, the console everything", async () => {
    const { hub, facilitator, fc, user, sessionId, code } = await setup();
    const wall = fakeConnection();
    const wc = hub.connect(wall.conn, { userId: user.id, clientAddress: "127.0.0.1" });
    await hub.handle(wc, { t: "watch", sessionId, view: "presenter" });
    // Move to an open question, where names could travel along with the answers.
    for (let i = 0; facilitator.last("state")!.state.question.kind !== "open"; i++) {
      if (i > 20) throw new Error("no open question");
      await hub.handle(fc, { t: "control", command: { cmd: "next" } });
    }
    await hub.handle(fc, { t: "control", command: { cmd: "open" } });
    await hub.handle(fc, { t: "control", command: { cmd: "show" } });
    const q = facilitator.last("state")!.state.question;
    // Three from government, two from hbo (whose figures would be theirs alone), one without.
    const people = [];
    for (const [i, sector] of [
      "government",
      "government",
      "government",
      "hbo",
      "hbo",
      null,
    ].entries())
      people.push(await participant(hub, code, sector, `Persoon ${i + 1}`));
    for (const [i, p] of people.entries())
      await hub.handle(p.client, { t: "answer", q: q.id, v: `Idee ${i + 1}`, k: `k-${i}` });
    await tick();

    const console = facilitator.last("results")!;
    expect(console.results.all.count).toBe(6);
    expect(Object.keys(console.results.bySector).sort()).toEqual(["government", "hbo"]);
    expect(console.open!.map((a) => a.name)).toContain("Persoon 4");

    for (const screen of [people[0]!.c, people[3]!.c, wall]) {
      const m = screen.last("results")!;
      expect(m.results.all.count).toBe(6);
      expect(Object.keys(m.results.bySector)).toEqual(["government"]);
      expect(m.results.withheld).toEqual({ small: 1, extra: 0 });
      expect(m.open).toHaveLength(6);
      const sent = JSON.stringify(m);
      expect(sent).not.toMatch(/hbo|Persoon|participantId/);
    }
    await hub.close();
  });
});
