import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../test/client.ts";
import { makeScope, TEST_PASSWORD } from "../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../test/server.ts";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

/** A facilitator starts a session through the form and returns its console path and code. */
async function startSession() {
  const { region, user } = await makeScope(s.db, "facilitator");
  const facilitator = new TestClient(s.url);
  await facilitator.signIn(user.email, TEST_PASSWORD);
  await facilitator.get(`/manage/${region.slug}/dialogue`);
  const res = await facilitator.post(`/manage/${region.slug}/dialogue`, {
    title: "Kennissessie Arnhem",
    template: "learning-region",
    language: "nl",
  });
  expect(res.status).toBe(302);
  const consolePath = res.headers.get("Location")!;
  const page = await (await facilitator.get(consolePath)).text();
  const code = /<strong>([A-Z0-9]{4} [A-Z0-9]{4})<\/strong>/.exec(page)![1]!.replace(" ", "");
  return { facilitator, consolePath, code, region };
}

describe("a live session without JavaScript", () => {
  it("lets a participant join by code, wait, answer once the facilitator opens answering, and change the answer", async () => {
    const { facilitator, consolePath, code } = await startSession();
    const phone = new TestClient(s.url);
    const joinRedirect = await phone.get(
      `/live?code=${code.slice(0, 4)}-${code.slice(4).toLowerCase()}`,
    );
    expect(joinRedirect.headers.get("Location")).toBe(`/live/${code}`);
    await phone.get(`/live/${code}`);
    const joined = await phone.post(`/live/${code}`, {
      _intent: "join",
      displayName: "Sanne",
      organisation: "",
      sector: "mbo",
    });
    expect(joined.status).toBe(302);
    expect(joined.headers.getSetCookie().join()).toMatch(/lr_device_.*HttpOnly/);
    expect(await (await phone.get(`/live/${code}`)).text()).toContain(
      "wachten op de volgende vraag",
    );

    await facilitator.post(consolePath, { _intent: "open" });
    const page = await (await phone.get(`/live/${code}`)).text();
    const questionId = /name="questionId" value="([^"]+)"/.exec(page)![1]!;
    const key = /name="key" value="([^"]+)"/.exec(page)![1]!;
    const saved = await phone.post(`/live/${code}`, {
      _intent: "answer",
      questionId,
      key,
      now: "2",
      desired: "5",
    });
    expect(await saved.text()).toContain("Je antwoord is opgeslagen");
    const again = await phone.post(`/live/${code}`, {
      _intent: "answer",
      questionId,
      key,
      now: "3",
      desired: "5",
    });
    expect(again.status).toBe(200);
    const sessionId = consolePath.split("/").pop()!;
    const rows = await s.db
      .selectFrom("dialogue_answers")
      .select("value")
      .where("session_id", "=", sessionId)
      .where("question_id", "=", questionId)
      .execute();
    expect(rows).toEqual([{ value: { now: 3, desired: 5 } }]);
    expect(await (await facilitator.get(consolePath)).text()).toContain("1 antwoord<");
  });

  it("refuses an invalid answer and an answer to a closed question with a message, saving nothing", async () => {
    const { facilitator, consolePath, code } = await startSession();
    const phone = new TestClient(s.url);
    await phone.get(`/live/${code}`);
    await phone.post(`/live/${code}`, { _intent: "join" });
    await facilitator.post(consolePath, { _intent: "open" });
    const page = await (await phone.get(`/live/${code}`)).text();
    const questionId = /name="questionId" value="([^"]+)"/.exec(page)![1]!;
    const bad = await phone.post(`/live/${code}`, {
      _intent: "answer",
      questionId,
      key: "k1",
      now: "9",
      desired: "1",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Kies een trede");
    await facilitator.post(consolePath, { _intent: "close" });
    const late = await phone.post(`/live/${code}`, {
      _intent: "answer",
      questionId,
      key: "k2",
      now: "1",
      desired: "2",
    });
    expect(await late.text()).toContain("Deze vraag is gesloten");
    const sessionId = consolePath.split("/").pop()!;
    expect(
      await s.db
        .selectFrom("dialogue_answers")
        .select("value")
        .where("session_id", "=", sessionId)
        .execute(),
    ).toHaveLength(0);
  });

  it("ends only after a confirmation step, then gives every phone one closing page that links to shared results (issue 15, point 3)", async () => {
    const { facilitator, consolePath, code, region } = await startSession();
    const phone = new TestClient(s.url);
    await phone.get(`/live/${code}`);
    await phone.post(`/live/${code}`, { _intent: "join", displayName: "Sanne", sector: "mbo" });
    await facilitator.post(consolePath, { _intent: "open" });
    const page = await (await phone.get(`/live/${code}`)).text();
    const questionId = /name="questionId" value="([^"]+)"/.exec(page)![1]!;
    const key = /name="key" value="([^"]+)"/.exec(page)![1]!;
    // Without JavaScript the phone never says it is connecting: it never will.
    expect(page).not.toContain("Verbinden");

    // "Sessie beëindigen" leads to a question; only its button ends the session.
    const running = await (await facilitator.get(consolePath)).text();
    expect(running).not.toContain(">Ja, sessie beëindigen</button>");
    const asked = await (await facilitator.get(`${consolePath}?confirm=end`)).text();
    expect(asked).toContain("Sessie beëindigen?");
    expect(asked).toMatch(/value="end" name="_intent">Ja, sessie beëindigen<\/button>/);
    expect((await facilitator.post(consolePath, { _intent: "end" })).status).toBe(302);

    const ended = await phone.get(`/live/${code}`);
    expect(ended.status).toBe(200);
    const endedPage = await ended.text();
    expect(endedPage).toContain("De sessie is afgelopen");
    expect(endedPage).toContain("niet gedeeld");
    expect(endedPage).not.toContain('name="questionId"');
    const late = await phone.post(`/live/${code}`, {
      _intent: "answer",
      questionId,
      key,
      now: "2",
      desired: "4",
    });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("De sessie is afgelopen");
    // A new phone cannot join an ended session, and learns why.
    const newcomer = new TestClient(s.url);
    const refused = await newcomer.get(`/live/${code}`);
    expect(refused.status).toBe(200);
    expect(await refused.text()).toContain("De sessie is afgelopen");
    const sessionId = consolePath.split("/").pop()!;
    expect(
      await s.db
        .selectFrom("dialogue_answers")
        .select("value")
        .where("session_id", "=", sessionId)
        .execute(),
    ).toHaveLength(0);
    const consoleAfter = await (await facilitator.get(consolePath)).text();
    expect(consoleAfter).toContain("Deelnemers zien een afsluitpagina");
    expect(consoleAfter).not.toContain("Deelnemers zien de uitkomsten");
    expect(consoleAfter).not.toContain("lr-join__code");
    const wall = await (await facilitator.get(`${consolePath}/present`)).text();
    expect(wall).toContain("De sessie is afgelopen");
    expect(wall).not.toContain("lr-join__code");

    await facilitator.post(`/manage/${region.slug}/dialogue/${sessionId}/results`, {
      _intent: "shareOn",
    });
    const shared = await (await phone.get(`/live/${code}`)).text();
    const link = /href="(\/s\/[A-Za-z0-9_-]+)"/.exec(shared)![1]!;
    expect(shared).toContain("Bekijk de uitkomsten");
    expect((await phone.get(link)).status).toBe(200);
  });

  it("shows an unknown code as such, and keeps another region's console from its facilitators", async () => {
    const phone = new TestClient(s.url);
    const unknown = await phone.get("/live/ABCD2345");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("hoort niet bij een lopende sessie");
    const { consolePath } = await startSession();
    const other = await makeScope(s.db, "admin");
    const outsider = new TestClient(s.url);
    await outsider.signIn(other.user.email, TEST_PASSWORD);
    const foreignId = consolePath.split("/").pop()!;
    expect((await outsider.get(`/manage/${other.region.slug}/dialogue/${foreignId}`)).status).toBe(
      404,
    );
    expect(
      (
        await outsider.post(`/manage/${other.region.slug}/dialogue/${foreignId}`, {
          _intent: "next",
        })
      ).status,
    ).toBe(404);
  });
});
