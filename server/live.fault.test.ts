import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../bench/lib.ts";
import { hashToken, newToken } from "../core/accounts/tokens.ts";
import { controlSession } from "../core/dialogue/controlSession.ts";
import { createSession } from "../core/dialogue/createSession.ts";
import { findSessionById } from "../core/dialogue/liveQueries.ts";
import { stateOf } from "../core/dialogue/session.ts";
import { openDb } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { makeScope } from "../test/fixtures.ts";
import { SimulatedParticipant } from "../test/liveParticipant.ts";

/**
 * The server is killed with SIGKILL in the middle of a question and started again on the same
 * data: every acknowledged answer is still there, participants reconnect by themselves and go on,
 * and nothing is counted twice.
 */
const dataDir = mkdtempSync(join(tmpdir(), "lr-fault-"));
let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

async function startServer(port: number): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ["--liftoff-only", "server/main.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      SEED_DEMO: "false",
      LOG_LEVEL: "error",
      CI: "1",
    },
    stdio: "ignore",
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return proc;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("server did not start");
}

const until = async (check: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe("a live session survives the server being killed", () => {
  it("keeps every acknowledged answer, lets participants resume, and counts nothing twice", async () => {
    const handle = await openDb({ dataDir });
    await migrate(handle);
    const { scope } = await makeScope(handle.db, "facilitator");
    const created = await createSession(scope, {
      title: "Storingstest",
      template: "learning-region",
    });
    if (!created.ok) throw new Error("session");
    await controlSession(scope, created.value.id, { cmd: "open" });
    const question = stateOf((await findSessionById(handle.db, created.value.id))!).question;
    const tokens = Array.from({ length: 20 }, () => newToken());
    await handle.db
      .insertInto("dialogue_participants")
      .values(
        tokens.map((t) => ({ session_id: created.value.id, device_token_hash: hashToken(t) })),
      )
      .execute();
    await handle.close();

    const port = await freePort();
    child = await startServer(port);
    const people = tokens.map(
      (t) => new SimulatedParticipant(`ws://127.0.0.1:${port}/live/ws`, created.value.joinCode, t),
    );
    people.forEach((p) => p.connect());
    await until(() => people.every((p) => p.state !== null));

    // Half answer and are acknowledged; the other half send while the server dies.
    people.slice(0, 10).forEach((p, i) => p.answer(question.id, { now: 1 + (i % 5), desired: 5 }));
    await until(() => people.slice(0, 10).every((p) => !p.waiting));
    people.slice(10).forEach((p, i) => p.answer(question.id, { now: 1 + (i % 5), desired: 4 }));
    child.kill("SIGKILL");
    await new Promise((r) => child!.once("exit", r));
    const ackedBeforeKill = people.filter((p) => p.acked.has(question.id)).length;

    child = await startServer(port);
    // Everyone reconnects without help, and unacknowledged answers are resent and acknowledged.
    await until(
      () => people.every((p) => p.reconnects > 0 && p.state !== null && !p.waiting),
      20_000,
    );
    expect(people.every((p) => p.acked.has(question.id))).toBe(true);
    // They can go on: a changed answer replaces the earlier one.
    people[0]!.answer(question.id, { now: 3, desired: 1 });
    await until(() => !people[0]!.waiting);
    people.forEach((p) => p.close());
    child.kill("SIGTERM");
    await new Promise((r) => child!.once("exit", r));
    child = null;

    const check = await openDb({ dataDir });
    const rows = await check.db
      .selectFrom("dialogue_answers")
      .select(["participant_id", "value"])
      .where("session_id", "=", created.value.id)
      .where("question_id", "=", question.id)
      .execute();
    await check.close();
    expect(ackedBeforeKill).toBeGreaterThanOrEqual(10);
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.participant_id)).size).toBe(20);
    const changed = rows.filter((r) => {
      const v = r.value as { now: number; desired: number };
      return v.now === 3 && v.desired === 1;
    });
    expect(changed).toHaveLength(1);
  }, 90_000);
});
