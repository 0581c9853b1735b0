import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { aggregateWithSectors } from "./aggregate.ts";
import { controlSession } from "./controlSession.ts";
import { createSession } from "./createSession.ts";
import { joinSession } from "./joinSession.ts";
import { LiveHub } from "./liveHub.ts";
import { applyProposedThemes } from "./applyProposedThemes.ts";
import { clearThemes } from "./clearThemes.ts";
import { hideAnswer } from "./hideAnswer.ts";
import { answersOf } from "./liveQueries.ts";
import { mergeThemes } from "./mergeThemes.ts";
import { moveAnswer } from "./moveAnswer.ts";
import type { ServerMessage } from "./protocol.ts";
import { findOpenQuestion, listOpenAnswers } from "./queries.ts";
import { renameTheme } from "./renameTheme.ts";
import { questionsOf } from "./template.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const ANSWERS = [
  "Meer stageplaatsen bij bedrijven in de regio",
  "Personeelstekort in de zorg",
  "Warmtenet in de wijk aanleggen",
  "Stage voor studenten is lastig te vinden",
  "De zorg heeft te weinig personeel",
  "Energie besparen met een warmtenet",
  "Te weinig stageplaatsen voor mbo-studenten",
  "Zorgpersoneel vasthouden en opleiden",
  "Energietransitie: warmtenetten en isolatie",
];

const tick = (ms = 40) => new Promise((r) => setTimeout(r, ms));

/**
 * A session on its first open question, answering open, with a hub watched by the facilitator
 * and one participant per text, each answer committed through the hub.
 */
async function setup(texts: string[] = ANSWERS) {
  const { scope, user } = await makeScope(t.db, "facilitator");
  const created = await createSession(scope, {
    title: "Kennissessie",
    template: "learning-region",
  });
  if (!created.ok) throw new Error("no session");
  const sessionId = created.value.id;
  const all = questionsOf((await findSessionTemplate(sessionId))!);
  const index = all.findIndex((q) => q.question.kind === "open");
  const questionId = all[index]!.question.id;
  const otherQuestionId = all.find((q) => q.question.kind !== "open")!.question.id;
  await controlSession(scope, sessionId, { cmd: "goto", index });
  await controlSession(scope, sessionId, { cmd: "open" });
  const hub = new LiveHub(t.db, { batchMs: 2, resultsMs: 5 });
  const got: ServerMessage[] = [];
  const watcher = hub.connect(
    { send: (m) => got.push(m), close: () => undefined },
    { userId: user.id, clientAddress: "127.0.0.1" },
  );
  await hub.handle(watcher, { t: "watch", sessionId });
  const participants: string[] = [];
  for (const [i, text] of texts.entries()) {
    const joined = await joinSession(t.db, created.value.joinCode, {}, null);
    if (!joined.ok) throw new Error("join failed");
    const saved = await hub.submit(sessionId, joined.value.participant, questionId, text, `k${i}`);
    if (!saved.ok) throw new Error(saved.error);
    participants.push(joined.value.participant.id);
  }
  const lastResults = () =>
    got.filter((m) => m.t === "results").at(-1) as Extract<ServerMessage, { t: "results" }>;
  return { scope, hub, sessionId, questionId, otherQuestionId, participants, lastResults };
}

async function findSessionTemplate(id: string) {
  const row = await t.db
    .selectFrom("dialogue_sessions")
    .select("content")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.content as Parameters<typeof questionsOf>[0] | undefined;
}

async function themes(sessionId: string, questionId: string) {
  const rows = await answersOf(t.db, sessionId, questionId);
  return new Map(rows.map((r) => [r.participant_id, r.theme_label]));
}

describe("moderating open answers and grouping them into themes", () => {
  it("proposes themes that put answers about one subject together", async () => {
    const { scope, sessionId, questionId, participants, hub } = await setup();
    const applied = await applyProposedThemes(scope, sessionId, questionId);
    expect(applied).toEqual({ ok: true, value: { labelled: 9, themes: 3 } });
    const labels = await themes(sessionId, questionId);
    const of = (i: number) => labels.get(participants[i]!);
    // stage: 0, 3, 6 · zorg: 1, 4, 7 · energie: 2, 5, 8
    expect([of(0), of(3), of(6)].every((l) => l === of(0))).toBe(true);
    expect([of(1), of(4), of(7)].every((l) => l === of(1))).toBe(true);
    expect([of(2), of(5), of(8)].every((l) => l === of(2))).toBe(true);
    expect(new Set([of(0), of(1), of(2)]).size).toBe(3);
    expect(of(0)).toMatch(/stage/);
    expect(of(1)).toMatch(/zorg|personeel/);
    expect(of(2)).toMatch(/energie|warmtenet/);
    await hub.close();
  });

  it("renames, merges and moves, and a new proposal keeps all of that", async () => {
    const { scope, sessionId, questionId, participants, hub } = await setup();
    await applyProposedThemes(scope, sessionId, questionId);
    let labels = await themes(sessionId, questionId);
    const stage = labels.get(participants[0]!)!;
    const zorg = labels.get(participants[1]!)!;
    const energie = labels.get(participants[2]!)!;

    expect(
      await renameTheme(scope, sessionId, questionId, { from: stage, to: "  Stages  " }),
    ).toEqual({ ok: true, value: { changed: 3 } });
    expect(
      await mergeThemes(scope, sessionId, questionId, { from: [zorg, energie], into: "Regio" }),
    ).toEqual({ ok: true, value: { changed: 6 } });
    expect(
      await moveAnswer(scope, sessionId, questionId, {
        participantId: participants[8],
        theme: "Energie apart",
      }),
    ).toEqual({ ok: true, value: { theme: "Energie apart" } });
    expect(
      await moveAnswer(scope, sessionId, questionId, { participantId: participants[7], theme: "" }),
    ).toEqual({ ok: true, value: { theme: null } });

    const curated = await themes(sessionId, questionId);
    expect(curated.get(participants[0]!)).toBe("Stages");
    expect(curated.get(participants[4]!)).toBe("Regio");
    expect(curated.get(participants[5]!)).toBe("Regio");
    expect(curated.get(participants[8]!)).toBe("Energie apart");
    expect(curated.get(participants[7]!)).toBeNull();

    // A new stage answer arrives; proposing again labels only what has no theme.
    const { joinCode } = (await t.db
      .selectFrom("dialogue_sessions")
      .select("join_code as joinCode")
      .where("id", "=", sessionId)
      .executeTakeFirst())!;
    const joined = await joinSession(t.db, joinCode, {}, null);
    if (!joined.ok) throw new Error("join failed");
    await hub.submit(
      sessionId,
      joined.value.participant,
      questionId,
      "Stages bij de gemeente",
      "kx",
    );
    const again = await applyProposedThemes(scope, sessionId, questionId);
    expect(again.ok && again.value.labelled).toBe(2);
    labels = await themes(sessionId, questionId);
    for (const [p, label] of curated) if (label !== null) expect(labels.get(p)).toBe(label);
    // The newcomer joins the curated theme its neighbours are in.
    expect(labels.get(joined.value.participant.id)).toBe("Stages");
    expect(labels.get(participants[7]!)).not.toBeNull();

    expect(await clearThemes(scope, sessionId, questionId)).toEqual({
      ok: true,
      value: { cleared: 10 },
    });
    expect([...(await themes(sessionId, questionId)).values()].every((l) => l === null)).toBe(true);
    await hub.close();
  });

  it("refuses empty and overlong theme names and unknown themes, and changes nothing", async () => {
    const { scope, sessionId, questionId, participants, hub } = await setup(ANSWERS.slice(0, 3));
    await moveAnswer(scope, sessionId, questionId, { participantId: participants[0], theme: "A" });
    const bad = [
      await renameTheme(scope, sessionId, questionId, { from: "A", to: "   " }),
      await renameTheme(scope, sessionId, questionId, { from: "A", to: "x".repeat(201) }),
      await renameTheme(scope, sessionId, questionId, { from: "A" }),
      await mergeThemes(scope, sessionId, questionId, { from: ["A"], into: "A" }),
      await mergeThemes(scope, sessionId, questionId, { from: [], into: "B" }),
      await moveAnswer(scope, sessionId, questionId, {
        participantId: participants[1],
        theme: "y".repeat(201),
      }),
    ];
    for (const r of bad) expect(r.ok).toBe(false);
    expect(bad[0]).toMatchObject({ fieldErrors: { to: { key: "validation.required" } } });
    expect(bad[1]).toMatchObject({ fieldErrors: { to: { key: "validation.tooLong" } } });
    expect(
      await renameTheme(scope, sessionId, questionId, { from: "Nope", to: "B" }),
    ).toMatchObject({ ok: false, error: { key: "dialogueThemes.unknownTheme" } });
    expect(
      await renameTheme(scope, sessionId, questionId, { from: "A", to: "x".repeat(200) }),
    ).toMatchObject({ ok: true });
    const labels = await themes(sessionId, questionId);
    expect(labels.get(participants[0]!)).toBe("x".repeat(200));
    expect(labels.get(participants[1]!)).toBeNull();
    await hub.close();
  });

  it("leaves hidden answers out of every figure and out of proposals, and the hub follows", async () => {
    const { scope, sessionId, questionId, participants, hub, lastResults } = await setup();
    await tick();
    expect(lastResults().results.all.count).toBe(9);

    expect(
      await hideAnswer(scope, sessionId, questionId, {
        participantId: participants[0],
        hidden: "true",
      }),
    ).toEqual({ ok: true, value: { hidden: true } });
    await moveAnswer(scope, sessionId, questionId, {
      participantId: participants[1],
      theme: "Zorg",
    });
    await hub.reloadAnswers(sessionId);
    await tick();
    const pushed = lastResults();
    expect(pushed.results.all.count).toBe(8);
    expect(pushed.open?.find((a) => a.participantId === participants[0])?.hidden).toBe(true);
    expect(pushed.open?.find((a) => a.participantId === participants[1])?.theme).toBe("Zorg");

    const rows = await answersOf(t.db, sessionId, questionId);
    const question = await findOpenQuestion(scope, sessionId, questionId);
    if (!question.ok) throw new Error("no question");
    expect(aggregateWithSectors(question.value.question, rows).all.count).toBe(8);

    await applyProposedThemes(scope, sessionId, questionId);
    expect((await themes(sessionId, questionId)).get(participants[0]!)).toBeNull();

    await hideAnswer(scope, sessionId, questionId, {
      participantId: participants[0],
      hidden: false,
    });
    await hub.reloadAnswers(sessionId);
    await tick();
    expect(lastResults().results.all.count).toBe(9);
    await hub.close();
  });

  it("lists the answers with their theme; only for an open question of the region's own session", async () => {
    const { scope, sessionId, questionId, otherQuestionId, participants, hub } = await setup(
      ANSWERS.slice(0, 2),
    );
    const listed = await listOpenAnswers(scope, sessionId, questionId);
    expect(listed.ok && listed.value.answers.map((a) => a.text)).toEqual(ANSWERS.slice(0, 2));

    const notFound = { ok: false, error: { key: "errors.notFound" } };
    expect(await findOpenQuestion(scope, sessionId, otherQuestionId)).toMatchObject(notFound);
    expect(await findOpenQuestion(scope, sessionId, "no-such-question")).toMatchObject(notFound);
    expect(await findOpenQuestion(scope, sessionId, "<script>")).toMatchObject(notFound);
    expect(await findOpenQuestion(scope, "not-a-uuid", questionId)).toMatchObject(notFound);

    const other = await makeScope(t.db, "admin");
    const move = { participantId: participants[0], theme: "Overgenomen" };
    for (const r of [
      await listOpenAnswers(other.scope, sessionId, questionId),
      await hideAnswer(other.scope, sessionId, questionId, { ...move, hidden: true }),
      await applyProposedThemes(other.scope, sessionId, questionId),
      await renameTheme(other.scope, sessionId, questionId, { from: "a", to: "b" }),
      await mergeThemes(other.scope, sessionId, questionId, { from: ["a"], into: "b" }),
      await moveAnswer(other.scope, sessionId, questionId, move),
      await clearThemes(other.scope, sessionId, questionId),
    ])
      expect(r).toMatchObject(notFound);

    // An answer id of no answer to this question is not found either.
    expect(
      await moveAnswer(scope, sessionId, questionId, {
        participantId: "00000000-0000-4000-8000-000000000000",
        theme: "X",
      }),
    ).toMatchObject(notFound);

    const member = { ...scope, role: "member" as const };
    expect(await clearThemes(member, sessionId, questionId)).toMatchObject({
      ok: false,
      error: { key: "errors.forbidden" },
    });
    const rows = await answersOf(t.db, sessionId, questionId);
    expect(rows.every((r) => !r.hidden && r.theme_label === null)).toBe(true);
    await hub.close();
  });
});
