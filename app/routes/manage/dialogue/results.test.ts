import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../../../test/client.ts";
import {
  makeSessionWithAnswers,
  makeSessionWithSectors,
} from "../../../../test/dialogueResults.ts";
import { makeScope, TEST_PASSWORD } from "../../../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../../../test/server.ts";
import { loggedPath } from "../../../../server/app.ts";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

async function facilitatorWithSession(role: "facilitator" | "organiser" = "facilitator") {
  const { scope, region, user } = await makeScope(s.db, role);
  const { sessionId } = await makeSessionWithAnswers(scope);
  const client = new TestClient(s.url);
  await client.signIn(user.email, TEST_PASSWORD);
  return { client, region, sessionId, base: `/manage/${region.slug}/dialogue/${sessionId}` };
}

describe("the results of a session", () => {
  it("shows every question with its chart and table, the participants and their sectors", async () => {
    const { client, base } = await facilitatorWithSession();
    const res = await client.get(`${base}/results`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Uitkomsten van Kennissessie Arnhem");
    expect(html).toContain("Deelnemers: 3");
    expect(html).toContain("Mbo-instelling");
    expect(html).toContain("Geen sector opgegeven");
    for (const prompt of ["Welke vorm?", "Welke trede?", "Punten?", "Wat eerst?", "Drie woorden"])
      expect(html).toContain(prompt);
    expect(html).toContain("Minste aandacht: Het netwerk vormen.");
    expect(html).toContain("Meer stages in de zorg");
    expect(html).not.toContain("Geheim antwoord");
    expect(html).not.toMatch(/Sanne|Ahmed/);
    expect(html).toContain(`href="${base}/results.docx"`);
  });

  it("downloads the answers as CSV, XLSX and DOCX with a file name", async () => {
    const { client, base } = await facilitatorWithSession();
    const csv = await client.get(`${base}/results.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="uitkomsten-kennissessie-arnhem-\d{4}-\d\d-\d\d\.csv"/,
    );
    expect(csv.headers.get("Cache-Control")).toBe("no-store");
    const rows: string[][] = parse(await csv.text(), { delimiter: ";", bom: true });
    expect(rows).toHaveLength(25);
    expect(rows.map((r) => r[3])).toContain("Sanne");
    for (const [ext, type] of [
      ["xlsx", "spreadsheetml"],
      ["docx", "wordprocessingml"],
    ] as const) {
      const file = await client.get(`${base}/results.${ext}`);
      expect(file.status).toBe(200);
      expect(file.headers.get("Content-Type")).toContain(type);
      // Both are zip files.
      expect(new Uint8Array(await file.arrayBuffer()).slice(0, 2)).toEqual(
        new Uint8Array([0x50, 0x4b]),
      );
    }
  });

  it("keeps the page, every export and the share form from another region's organiser (404)", async () => {
    const { sessionId } = await facilitatorWithSession();
    const other = await makeScope(s.db, "organiser");
    const outsider = new TestClient(s.url);
    await outsider.signIn(other.user.email, TEST_PASSWORD);
    const foreign = `/manage/${other.region.slug}/dialogue/${sessionId}`;
    for (const path of ["results", "results.csv", "results.xlsx", "results.docx"])
      expect((await outsider.get(`${foreign}/${path}`)).status, path).toBe(404);
    await outsider.get(`/manage/${other.region.slug}/dialogue`);
    expect((await outsider.post(`${foreign}/results`, { _intent: "shareOn" })).status).toBe(404);
    const token = await s.db
      .selectFrom("dialogue_sessions")
      .select("share_token")
      .where("id", "=", sessionId)
      .executeTakeFirstOrThrow();
    expect(token.share_token).toBeNull();
  });

  it("shares the results by link, without an account and without names, only while sharing is on", async () => {
    const { client, base } = await facilitatorWithSession();
    expect(await (await client.get(`${base}/results`)).text()).toContain("Delen staat uit");
    const on = await client.post(`${base}/results`, { _intent: "shareOn" });
    expect(on.status).toBe(302);
    const page = await (await client.get(on.headers.get("Location")!)).text();
    expect(page).toContain("Delen staat nu aan.");
    const link = /href="(http[^"]+\/s\/[A-Za-z0-9_-]+)"/.exec(page)![1]!;
    const path = new URL(link).pathname;

    const anyone = new TestClient(s.url);
    const shared = await anyone.get(path);
    expect(shared.status).toBe(200);
    const html = await shared.text();
    expect(html).toContain("Uitkomsten van Kennissessie Arnhem");
    expect(html).toContain("Welke trede?");
    expect(html).toContain("Meer stages in de zorg");
    expect(html).not.toMatch(/Sanne|Ahmed|Geheim antwoord/);
    expect(html).not.toContain("results.csv");
    expect(html).toContain('content="noindex, nofollow"');

    expect((await client.post(`${base}/results`, { _intent: "shareOff" })).status).toBe(302);
    const off = await anyone.get(path);
    expect(off.status).toBe(404);
    expect(await off.text()).toContain("Deze link werkt niet (meer)");
    expect((await anyone.get("/s/unknown-token-of-sufficient-length")).status).toBe(404);
    // The request log never holds a shared link.
    expect(loggedPath(path)).toBe("/s/:token");
  });

  it("shows no sector of fewer than three to the public or the wall, and every sector to the facilitator", async () => {
    const { scope, region, user } = await makeScope(s.db, "facilitator");
    // Two from hbo: their figures would be theirs alone. With three each of government and mbo
    // and one without a sector, what is left out is three people, so the rest may be shown.
    const sessionId = await makeSessionWithSectors(scope, [
      ...["government", "government", "government", "mbo", "mbo", "mbo"],
      ...["hbo", "hbo", null],
    ]);
    const token = "shared-token-of-sufficient-length";
    await s.db
      .updateTable("dialogue_sessions")
      .set({ share_token: token, results_visible: true })
      .where("id", "=", sessionId)
      .execute();
    const base = `/manage/${region.slug}/dialogue/${sessionId}`;
    const facilitator = new TestClient(s.url);
    await facilitator.signIn(user.email, TEST_PASSWORD);

    const shared = await (await new TestClient(s.url).get(`/s/${token}`)).text();
    expect(shared).toContain("Uitkomsten per sector");
    expect(shared).toContain("Mbo-instelling");
    expect(shared).toContain("Gemeente of andere overheid");
    expect(shared).not.toContain("Hogeschool (hbo)");
    // Not in the page's data either, where a script could read it.
    expect(shared).not.toMatch(/\bhbo\b/);
    expect(shared).toContain("1 sector met minder dan 3 deelnemers niet apart getoond.");
    expect(shared).toContain("2 groepen met minder dan 3 deelnemers niet apart getoond.");

    const wall = await (await facilitator.get(`${base}/present`)).text();
    expect(wall).toContain("Mbo-instelling");
    expect(wall).not.toMatch(/\bhbo\b/);
    expect(wall).toContain("1 sector met minder dan 3 deelnemers niet apart getoond.");

    const own = await (await facilitator.get(`${base}/results`)).text();
    expect(own).toContain("Hogeschool (hbo)");
    expect(own).toContain("Geen sector opgegeven");
    expect(own).not.toContain("niet apart getoond");
  });
});
