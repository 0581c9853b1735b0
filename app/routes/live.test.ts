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
    expect(await (await facilitator.get(consolePath)).text()).toContain("1 antwoorden");
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
