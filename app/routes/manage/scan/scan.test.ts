import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHIPPED_STATEMENTS, statementField } from "../../../../core/scan/statements.ts";
import { TestClient } from "../../../../test/client.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "../../../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../../../test/server.ts";

let s: TestServer;
let slug: string;
let regionId: string;
let organiser: TestClient;

beforeAll(async () => {
  s = await startTestServer();
  const a = await makeScope(s.db, "organiser");
  slug = a.region.slug;
  regionId = a.region.id;
  organiser = new TestClient(s.url);
  await organiser.signIn(a.user.email, TEST_PASSWORD);
});
afterAll(async () => {
  await s.close();
});

const location = (res: Response) => new URL(res.headers.get("Location")!, s.url);

/** A scan made through its form, with its first round opened on its page. */
async function scanWithRound(title: string) {
  const made = await organiser.post(`/manage/${slug}/scans/new`, { title, challengeId: "" });
  expect(made.status).toBe(302);
  const here = location(made).pathname;
  const opened = await organiser.post(here, { _intent: "openRound", label: "2026" });
  expect(location(opened).searchParams.get("done")).toBe("roundOpened");
  const round = await s.db
    .selectFrom("scan_rounds")
    .innerJoin("scans", "scans.id", "scan_rounds.scan_id")
    .select(["scan_rounds.id", "scan_rounds.join_code"])
    .where("scans.title", "=", title)
    .where("scans.region_id", "=", regionId)
    .executeTakeFirstOrThrow();
  return { here, roundId: round.id, code: round.join_code };
}

describe("the self-scan's pages", () => {
  it("takes anonymous responses by code and shows the round's results with small groups hidden", async () => {
    const { here, roundId, code } = await scanWithRound("Zelfscan route");
    const form = `/r/${slug}/scan/${code}`;
    // The code typed as people do, on the region's join page, leads to the form.
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`;
    const joined = await new TestClient(s.url).get(
      `/r/${slug}/scan?code=${encodeURIComponent(typed)}`,
    );
    expect(joined.status).toBe(302);
    expect(location(joined).pathname).toBe(form);
    const unknown = await new TestClient(s.url).get(`/r/${slug}/scan?code=ZZZZ9999`);
    expect(await unknown.text()).toContain("Deze code kennen we niet");
    const page = await new TestClient(s.url).get(form);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(SHIPPED_STATEMENTS[0]!.text.nl);
    expect(html).toContain("<legend");

    const key = statementField(SHIPPED_STATEMENTS[0]!.key);
    for (const sector of [
      "government",
      "government",
      "government",
      "government",
      "government",
      "mbo",
    ]) {
      const respondent = new TestClient(s.url);
      await respondent.get(form);
      const sent = await respondent.post(form, { sector, [key]: "4", ladderNow: "2" });
      expect(sent.status).toBe(302);
      expect(location(sent).searchParams.get("sent")).toBe("stored");
    }
    // A wrong value comes back at its field, in Dutch, with status 400.
    const wrong = new TestClient(s.url);
    await wrong.get(form);
    const refused = await wrong.post(form, { [key]: "7" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Kies een waarde van 1 tot en met 5.");

    const results = await organiser.get(`${here}/rounds/${roundId}`);
    expect(results.status).toBe(200);
    const text = await results.text();
    expect(text).toContain("6 antwoorden");
    expect(text).toContain("te weinig antwoorden om te tonen");
    expect(text).toContain("Gemeente of andere overheid");
  });

  it("answers once per personal link and refuses a closed round", async () => {
    const { here, roundId, code } = await scanWithRound("Zelfscan links");
    const made = await organiser.post(here, { _intent: "makeLinks", roundId, count: "2" });
    expect(made.status).toBe(200);
    // The page carries the links in its textarea and again in its hydration data; the round's
    // join link (/r/…/scan/CODE) is on it too.
    const links = [
      ...new Set(
        [...(await made.text()).matchAll(/http:\/\/[^\s<"\\]+\/scan\/[^\s<"\\]+/g)].map(
          (m) => new URL(m[0]).pathname,
        ),
      ),
    ].filter((p) => p.startsWith("/scan/"));
    expect(links).toHaveLength(2);
    const key = statementField(SHIPPED_STATEMENTS[1]!.key);
    const respondent = new TestClient(s.url);
    await respondent.get(links[0]!);
    expect(
      location(await respondent.post(links[0]!, { [key]: "3" })).searchParams.get("sent"),
    ).toBe("stored");
    expect(
      location(await respondent.post(links[0]!, { [key]: "5" })).searchParams.get("sent"),
    ).toBe("already");
    expect(await (await respondent.get(links[0]!)).text()).toContain(
      "Met deze link is al geantwoord",
    );

    await organiser.post(here, { _intent: "closeRound", roundId });
    const closed = await new TestClient(s.url).get(`/r/${slug}/scan/${code}`);
    expect(closed.status).toBe(410);
    // A forged link is a 404, like one that never existed.
    expect((await new TestClient(s.url).get(`${links[1]!}x`)).status).toBe(404);
  });

  it("gives another region's organiser a 404 on every page of the scan", async () => {
    const { here, roundId, code } = await scanWithRound("Zelfscan apart");
    const other = await makeScope(s.db, "admin");
    const client = new TestClient(s.url);
    await client.signIn(other.user.email, TEST_PASSWORD);
    const id = here.split("/").pop()!;
    for (const path of [
      `/manage/${other.region.slug}/scans/${id}`,
      `/manage/${other.region.slug}/scans/${id}/rounds/${roundId}`,
      `/manage/${other.region.slug}/scans/${id}/development`,
      `/manage/${slug}/scans/${id}`,
      `/r/${other.region.slug}/scan/${code}`,
    ]) {
      expect((await client.get(path)).status, path).toBe(404);
    }
    const post = await client.post(`/manage/${other.region.slug}/scans/${id}`, {
      _intent: "closeRound",
      roundId,
    });
    expect(post.status).toBe(404);
    const round = await s.db
      .selectFrom("scan_rounds")
      .select("status")
      .where("id", "=", roundId)
      .executeTakeFirstOrThrow();
    expect(round.status).toBe("open");
  });

  it("shows a facilitator the scans without the forms, and a member nothing", async () => {
    const facilitator = await makeUser(s.db);
    await s.db
      .insertInto("memberships")
      .values({ user_id: facilitator.id, region_id: regionId, role: "facilitator" })
      .execute();
    const client = new TestClient(s.url);
    await client.signIn(facilitator.email, TEST_PASSWORD);
    const list = await client.get(`/manage/${slug}/scans`);
    expect(list.status).toBe(200);
    expect(await list.text()).not.toContain("Nieuwe zelfscan");
    expect((await client.get(`/manage/${slug}/scans/new`)).status).toBe(403);
  });
});
