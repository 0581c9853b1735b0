import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlSession } from "../../../../core/dialogue/controlSession.ts";
import { createSession } from "../../../../core/dialogue/createSession.ts";
import { joinSession } from "../../../../core/dialogue/joinSession.ts";
import type { ServerMessage } from "../../../../core/dialogue/protocol.ts";
import { answersOf } from "../../../../core/dialogue/liveQueries.ts";
import { findSession } from "../../../../core/dialogue/queries.ts";
import { questionsOf } from "../../../../core/dialogue/template.ts";
import { TestClient } from "../../../../test/client.ts";
import { makeScope, TEST_PASSWORD } from "../../../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../../../test/server.ts";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

const TEXTS = [
  "Meer stageplaatsen bij bedrijven",
  "Personeelstekort in de zorg",
  "Stage voor studenten is lastig",
  "De zorg heeft te weinig personeel",
  "<script>alert('x')</script><b>vet</b>",
];

/**
 * A session on its first open question with one answer per text, committed through the server's
 * own live hub, and a signed-in facilitator of the session's region.
 */
async function setup() {
  const { scope, region, user } = await makeScope(s.db, "facilitator");
  const created = await createSession(scope, { title: "Werksessie", template: "learning-region" });
  if (!created.ok) throw new Error("no session");
  const sessionId = created.value.id;
  const session = (await findSession(scope, sessionId))!;
  const all = questionsOf(session.template);
  const index = all.findIndex((q) => q.question.kind === "open");
  const questionId = all[index]!.question.id;
  const closedKind = all.find((q) => q.question.kind !== "open")!.question.id;
  await controlSession(scope, sessionId, { cmd: "goto", index });
  await controlSession(scope, sessionId, { cmd: "open" });
  const hub = s.app.services.live;
  const participants: string[] = [];
  for (const [i, text] of TEXTS.entries()) {
    const joined = await joinSession(s.db, created.value.joinCode, {}, null);
    if (!joined.ok) throw new Error("join failed");
    const saved = await hub.submit(sessionId, joined.value.participant, questionId, text, `k${i}`);
    if (!saved.ok) throw new Error(saved.error);
    participants.push(joined.value.participant.id);
  }
  const facilitator = new TestClient(s.url);
  await facilitator.signIn(user.email, TEST_PASSWORD);
  const path = `/manage/${region.slug}/dialogue/${sessionId}/answers/${questionId}`;
  return { facilitator, path, sessionId, questionId, closedKind, participants, region, user };
}

const labelsOf = async (sessionId: string, questionId: string) =>
  new Map(
    (await answersOf(s.db, sessionId, questionId)).map((r) => [r.participant_id, r.theme_label]),
  );

describe("sorting a question's open answers, without JavaScript", () => {
  it("shows the answers as text, never as HTML", async () => {
    const { facilitator, path } = await setup();
    const res = await facilitator.get(path);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Antwoorden ordenen");
    expect(html).toContain("Meer stageplaatsen bij bedrijven");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<b>vet</b>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("Zonder thema");
  });

  it("proposes, renames, merges, moves, hides and clears through plain form posts", async () => {
    const { facilitator, path, sessionId, questionId, participants, user } = await setup();
    // A screen that follows the session hears of every change.
    const hub = s.app.services.live;
    const got: ServerMessage[] = [];
    const watcher = hub.connect(
      { send: (m) => got.push(m), close: () => undefined },
      { userId: user.id, clientAddress: "127.0.0.1" },
    );
    await hub.handle(watcher, { t: "watch", sessionId });

    const proposed = await facilitator.post(path, { _intent: "propose" });
    expect(proposed.status).toBe(302);
    expect(proposed.headers.get("Location")).toBe(`${path}?done=proposed`);
    let labels = await labelsOf(sessionId, questionId);
    const stage = labels.get(participants[0]!)!;
    const zorg = labels.get(participants[1]!)!;
    expect(stage).toMatch(/stage/);
    expect(labels.get(participants[2]!)).toBe(stage);
    expect(labels.get(participants[3]!)).toBe(zorg);
    const page = await (await facilitator.get(`${path}?done=proposed`)).text();
    expect(page).toContain("Thema&#x27;s voorgesteld");
    expect(page).toContain(`Thema: ${stage}`);

    await facilitator.post(path, { _intent: "rename", from: stage, to: "Stages" });
    await facilitator.post(path, { _intent: "merge", from: zorg, into: "Stages" });
    await facilitator.post(path, {
      _intent: "move",
      participantId: participants[1]!,
      theme: "Stages",
      newTheme: "Zorg apart",
    });
    await facilitator.post(path, {
      _intent: "move",
      participantId: participants[4]!,
      theme: "",
      newTheme: "",
    });
    labels = await labelsOf(sessionId, questionId);
    expect(labels.get(participants[0]!)).toBe("Stages");
    expect(labels.get(participants[3]!)).toBe("Stages");
    expect(labels.get(participants[1]!)).toBe("Zorg apart");
    expect(labels.get(participants[4]!)).toBeNull();

    const hidden = await facilitator.post(path, {
      _intent: "hide",
      participantId: participants[0]!,
    });
    expect(hidden.headers.get("Location")).toBe(`${path}?done=hidden`);
    await new Promise((r) => setTimeout(r, 60));
    const results = got.filter((m) => m.t === "results").at(-1) as Extract<
      ServerMessage,
      { t: "results" }
    >;
    expect(results.results.all.count).toBe(4);
    expect(results.open?.find((a) => a.participantId === participants[0])?.hidden).toBe(true);
    expect(results.open?.find((a) => a.participantId === participants[1])?.theme).toBe(
      "Zorg apart",
    );
    const after = await (await facilitator.get(path)).text();
    expect(after).toContain("Thema: Stages");
    expect(after).toContain("Tonen");

    // Proposing again keeps every curated label.
    await facilitator.post(path, { _intent: "propose" });
    const again = await labelsOf(sessionId, questionId);
    for (const p of participants.slice(0, 4)) expect(again.get(p)).toBe(labels.get(p));

    await facilitator.post(path, { _intent: "clear" });
    expect([...(await labelsOf(sessionId, questionId)).values()].every((l) => l === null)).toBe(
      true,
    );
    hub.disconnect(watcher);
  });

  it("answers a bad theme name with a message on the page, changing nothing", async () => {
    const { facilitator, path, sessionId, questionId, participants } = await setup();
    await facilitator.post(path, {
      _intent: "move",
      participantId: participants[0]!,
      newTheme: "Eerste",
    });
    const res = await facilitator.post(path, { _intent: "rename", from: "Eerste", to: "   " });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('role="alert"');
    const stale = await facilitator.post(path, { _intent: "rename", from: "Weg", to: "Nieuw" });
    expect(stale.status).toBe(400);
    expect(await stale.text()).toContain("bestaat niet meer");
    expect((await labelsOf(sessionId, questionId)).get(participants[0]!)).toBe("Eerste");
    expect((await facilitator.post(path, { _intent: "nonsense" })).status).toBe(400);
  });

  it("is 404 for an unknown question, a question that is not open, and another region's facilitator", async () => {
    const { facilitator, path, sessionId, questionId, closedKind, participants } = await setup();
    await facilitator.post(path, { _intent: "propose" });
    const before = JSON.stringify(await answersOf(s.db, sessionId, questionId));
    const base = path.slice(0, path.lastIndexOf("/"));
    expect((await facilitator.get(`${base}/no-such-question`)).status).toBe(404);
    expect((await facilitator.get(`${base}/${closedKind}`)).status).toBe(404);
    expect((await facilitator.post(`${base}/${closedKind}`, { _intent: "propose" })).status).toBe(
      404,
    );

    const other = await makeScope(s.db, "admin");
    const outsider = new TestClient(s.url);
    await outsider.signIn(other.user.email, TEST_PASSWORD);
    const foreign = `/manage/${other.region.slug}/dialogue/${sessionId}/answers/${questionId}`;
    const page = await outsider.get(foreign);
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain("stageplaatsen");
    const label = (await labelsOf(sessionId, questionId)).get(participants[0]!)!;
    for (const fields of [
      { _intent: "hide", participantId: participants[0]! },
      { _intent: "show", participantId: participants[0]! },
      { _intent: "move", participantId: participants[0]!, theme: "", newTheme: "Overgenomen" },
      { _intent: "rename", from: label, to: "Overgenomen" },
      { _intent: "merge", from: label, into: "Overgenomen" },
      { _intent: "propose" },
      { _intent: "clear" },
      { _intent: "nonsense" },
    ] as Record<string, string>[]) {
      const res = await outsider.post(foreign, fields);
      expect.soft(res.status, fields._intent).toBe(404);
      expect(await res.text()).not.toContain("stageplaatsen");
    }
    // The session's own region slug, by someone who is not a member there: 404 as well.
    expect((await outsider.get(path)).status).toBe(404);
    expect((await outsider.post(path, { _intent: "clear" })).status).toBe(404);
    expect(JSON.stringify(await answersOf(s.db, sessionId, questionId))).toBe(before);
  });
});
