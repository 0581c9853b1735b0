import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import type { Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { applyProposedThemes } from "./applyProposedThemes.ts";
import { clearThemes } from "./clearThemes.ts";
import { controlSession } from "./controlSession.ts";
import { createSession } from "./createSession.ts";
import { hideAnswer } from "./hideAnswer.ts";
import { joinSession } from "./joinSession.ts";
import { LiveHub } from "./liveHub.ts";
import { mergeThemes } from "./mergeThemes.ts";
import { moveAnswer } from "./moveAnswer.ts";
import type { ServerMessage } from "./protocol.ts";
import { findSession } from "./queries.ts";
import { removeParticipants } from "./removeParticipants.ts";
import { renameTheme } from "./renameTheme.ts";
import { splitGroups } from "./splitGroups.ts";
import { questionsOf } from "./template.ts";
import { copyTemplate } from "./templates/copyTemplate.ts";
import { createTemplate } from "./templates/createTemplate.ts";
import { deleteTemplate } from "./templates/deleteTemplate.ts";
import { updateTemplate } from "./templates/updateTemplate.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

/** A session on its first open question with one answer, and a template of the region's own. */
async function fixture() {
  const { scope, region, user } = await makeScope(t.db, "organiser");
  const created = await createSession(scope, { title: "Sessie", template: "learning-region" });
  if (!created.ok) throw new Error("no session");
  const sessionId = created.value.id;
  const session = (await findSession(scope, sessionId))!;
  const all = questionsOf(session.template);
  const index = all.findIndex((q) => q.question.kind === "open");
  const questionId = all[index]!.question.id;
  await controlSession(scope, sessionId, { cmd: "goto", index });
  await controlSession(scope, sessionId, { cmd: "open" });
  const joined = await joinSession(t.db, created.value.joinCode, {}, null);
  if (!joined.ok) throw new Error("no participant");
  const participantId = joined.value.participant.id;
  await t.db
    .insertInto("dialogue_answers")
    .values({
      session_id: sessionId,
      question_id: questionId,
      participant_id: participantId,
      value: JSON.stringify("Meer stageplaatsen"),
      idempotency_key: "k",
      theme_label: "Stage",
    })
    .execute();
  const template = await createTemplate(scope, { titleNl: "Eigen" });
  if (!template.ok) throw new Error("no template");
  return {
    scope,
    region,
    user,
    sessionId,
    questionId,
    participantId,
    templateId: template.value.id,
  };
}

type Fixture = Awaited<ReturnType<typeof fixture>>;

/** Every intent that changes a session or a template, as a member or an outsider would call it. */
const CHANGES: [string, (scope: RegionScope, f: Fixture) => Promise<Result<unknown>>][] = [
  ["controlSession", (s, f) => controlSession(s, f.sessionId, { cmd: "next" })],
  ["splitGroups", (s, f) => splitGroups(s, f.sessionId, { mode: "random", size: 2 })],
  [
    "removeParticipants",
    (s, f) => removeParticipants(s, f.sessionId, { participantId: f.participantId }),
  ],
  [
    "hideAnswer",
    (s, f) =>
      hideAnswer(s, f.sessionId, f.questionId, { participantId: f.participantId, hidden: true }),
  ],
  ["applyProposedThemes", (s, f) => applyProposedThemes(s, f.sessionId, f.questionId)],
  [
    "renameTheme",
    (s, f) => renameTheme(s, f.sessionId, f.questionId, { from: "Stage", to: "Werk" }),
  ],
  [
    "mergeThemes",
    (s, f) => mergeThemes(s, f.sessionId, f.questionId, { from: ["Stage"], into: "Werk" }),
  ],
  [
    "moveAnswer",
    (s, f) =>
      moveAnswer(s, f.sessionId, f.questionId, { participantId: f.participantId, theme: "Werk" }),
  ],
  ["clearThemes", (s, f) => clearThemes(s, f.sessionId, f.questionId)],
  ["updateTemplate", (s, f) => updateTemplate(s, f.templateId, "addTheme", {})],
  ["deleteTemplate", (s, f) => deleteTemplate(s, f.templateId)],
];

/** What a change could have touched: the session's row, its people and answers, the template. */
async function snapshot(f: Fixture) {
  return {
    session: await t.db
      .selectFrom("dialogue_sessions")
      .select(["current_index", "version", "share_token"])
      .where("id", "=", f.sessionId)
      .executeTakeFirst(),
    people: await t.db
      .selectFrom("dialogue_participants")
      .select(["id", "group_no"])
      .where("session_id", "=", f.sessionId)
      .execute(),
    answers: await t.db
      .selectFrom("dialogue_answers")
      .select(["hidden", "theme_label"])
      .where("session_id", "=", f.sessionId)
      .execute(),
    template: await t.db
      .selectFrom("dialogue_templates")
      .select("content")
      .where("id", "=", f.templateId)
      .executeTakeFirst(),
  };
}

describe("the dialogue policy, through the guard", () => {
  it("refuses every change to a role below the policy and to another region, and changes nothing", async () => {
    const f = await fixture();
    const before = await snapshot(f);
    const member = { ...f.scope, role: "member" as const };
    const facilitator = { ...f.scope, role: "facilitator" as const };
    const { scope: outsider } = await makeScope(t.db, "admin");
    for (const [name, change] of CHANGES) {
      expect([name, await change(member, f)]).toMatchObject([name, { kind: "forbidden" }]);
      expect([name, await change(outsider, f)]).toMatchObject([name, { kind: "notFound" }]);
    }
    // Templates are the organisers': a facilitator reads them and starts sessions, no more.
    for (const name of ["updateTemplate", "deleteTemplate"])
      expect(await CHANGES.find(([n]) => n === name)![1](facilitator, f)).toMatchObject({
        kind: "forbidden",
      });
    expect(await copyTemplate(facilitator, { template: "learning-region" })).toMatchObject({
      kind: "forbidden",
    });
    expect(await createSession(member, { title: "X", template: "learning-region" })).toMatchObject({
      kind: "forbidden",
    });
    expect(await snapshot(f)).toEqual(before);
  });

  it("moves on one question per 'next', however many arrive at once", async () => {
    const f = await fixture();
    const start = (await findSession(f.scope, f.sessionId))!.currentIndex;
    const results = await Promise.all(
      Array.from({ length: 4 }, () => controlSession(f.scope, f.sessionId, { cmd: "next" })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await findSession(f.scope, f.sessionId))!.currentIndex).toBe(start + 4);
  });

  it("steers and hides over the socket only while the watcher's role allows it", async () => {
    const f = await fixture();
    const hub = new LiveHub(t.db, { batchMs: 2, resultsMs: 5 });
    const got: ServerMessage[] = [];
    const client = hub.connect(
      { send: (m) => got.push(m), close: () => undefined },
      { userId: f.user.id, clientAddress: "127.0.0.1" },
    );
    await hub.handle(client, { t: "watch", sessionId: f.sessionId });
    expect(got.some((m) => m.t === "state")).toBe(true);
    // The membership is lowered while the console is open: the next command is refused.
    await t.db
      .updateTable("memberships")
      .set({ role: "member" })
      .where("user_id", "=", f.user.id)
      .where("region_id", "=", f.region.id)
      .execute();
    const before = await snapshot(f);
    await hub.handle(client, { t: "control", command: { cmd: "next" } });
    await hub.handle(client, {
      t: "hide",
      participantId: f.participantId,
      questionId: f.questionId,
      hidden: true,
    });
    expect(got.filter((m) => m.t === "error")).toEqual([
      { t: "error", error: "errors.forbidden" },
      { t: "error", error: "errors.forbidden" },
    ]);
    expect(await snapshot(f)).toEqual(before);
    await hub.close();
  });
});
