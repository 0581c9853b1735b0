import { createQueryId, type KyselyPlugin, type RootOperationNode } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientAt } from "../../test/clientAt.ts";
import { TestClient } from "../../test/client.ts";
import { makeUser, TEST_PASSWORD } from "../../test/fixtures.ts";
import { makeQuickUser } from "../../test/quickUser.ts";
import { startTestServer, type TestServer } from "../../test/server.ts";

describe("password reset over HTTP", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  /** Runs the planned reset jobs now instead of a second after the answer. */
  const runJobs = async () => {
    await s.app.services.jobs.kick();
    await s.app.services.jobs.kick();
  };
  const linksTo = async (email: string) => {
    const mails = await s.db
      .selectFrom("outbox")
      .select(["body_text", "created_at"])
      .where("to_address", "=", email)
      .orderBy("created_at")
      .execute();
    return mails.map((m) => /\/reset-password\/([A-Za-z0-9_-]+)/.exec(m.body_text)![1]!);
  };

  it("sends at most three links an hour to one address, and answers the same every time", async () => {
    const user = await makeUser(s.db);
    const client = new ClientAt(s.url, "127.0.0.10");
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await client.post("/forgot-password", { email: user.email });
      expect(res.status, `request ${i + 1}`).toBe(200);
      answers.push(res.text);
    }
    await runJobs();
    expect(await linksTo(user.email)).toHaveLength(3);
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toContain("krijg je zo een e-mail met een link");
  });

  it("tells a client that asks too often to wait, with 429 and a message in its language", async () => {
    const client = new ClientAt(s.url, "127.0.0.11");
    for (let i = 0; i < 20; i++)
      expect(
        (await client.post("/forgot-password", { email: `iemand-${i}@example.org` })).status,
      ).toBe(200);
    const refused = await client.post("/forgot-password", { email: "nog-een@example.org" });
    expect(refused.status).toBe(429);
    expect(refused.text).toContain(
      "Vanaf deze internetaansluiting zijn net veel links aangevraagd.",
    );
    const english = await client.post(
      "/forgot-password",
      { email: "nog-een@example.org" },
      { "Accept-Language": "en" },
    );
    expect(english.status).toBe(429);
    expect(english.text).toContain("Many links have just been requested from this network");
    // Another client address is not held back.
    const other = new ClientAt(s.url, "127.0.0.12");
    expect((await other.post("/forgot-password", { email: "nog-een@example.org" })).status).toBe(
      200,
    );
  });

  it("does the same database work for an address with and without an account", async () => {
    const user = await makeUser(s.db);
    const client = new ClientAt(s.url, "127.0.0.13");
    await client.get("/forgot-password");
    const services = s.app.services;
    const realDb = services.db;
    const record = async (email: string) => {
      const seen: RootOperationNode[] = [];
      const recorder: KyselyPlugin = {
        transformQuery: ({ node }) => (seen.push(node), node),
        transformResult: ({ result }) => Promise.resolve(result),
      };
      services.db = realDb.withPlugin(recorder);
      try {
        const res = await client.post("/forgot-password", { email });
        return { status: res.status, text: res.text, seen };
      } finally {
        services.db = realDb;
      }
    };
    const sql = (nodes: RootOperationNode[]) =>
      nodes.map((node) => realDb.getExecutor().compileQuery(node, createQueryId()).sql);
    const known = await record(user.email);
    const unknown = await record("niemand-bekend@example.org");
    expect(known.status).toBe(200);
    expect(unknown.text).toBe(known.text);
    // One insert of a job, the same statement either way, and no look at the accounts at all.
    expect(sql(known.seen)).toEqual(sql(unknown.seen));
    expect(sql(known.seen)).toHaveLength(1);
    expect(sql(known.seen)[0]).toMatch(/^insert into "jobs"/);
    await runJobs();
    expect(await linksTo(user.email)).toHaveLength(1);
    expect(await linksTo("niemand-bekend@example.org")).toHaveLength(0);
  });

  it("ends every other link of the account when one is used", async () => {
    const user = await makeUser(s.db);
    const client = new ClientAt(s.url, "127.0.0.14");
    await client.post("/forgot-password", { email: user.email });
    await client.post("/forgot-password", { email: user.email });
    await runJobs();
    const [older, newer] = await linksTo(user.email);
    expect(older && newer).toBeTruthy();
    expect((await client.get(`/reset-password/${older}`)).text).not.toContain("ongeldig");
    const used = await client.post(`/reset-password/${newer}`, {
      password: "een gloednieuw wachtwoord",
    });
    expect(used.status).toBe(302);
    expect(used.headers.location).toBe("/login?reset=1");
    expect((await client.get(`/reset-password/${older}`)).text).toContain(
      "Deze link is ongeldig of verlopen.",
    );
    const late = await client.post(`/reset-password/${older}`, {
      password: "nog een ander wachtwoord",
    });
    // A used link is gone, not a form to correct.
    expect(late.status).toBe(410);
    const fresh = new TestClient(s.url);
    await fresh.signIn(user.email, "een gloednieuw wachtwoord");
  });

  it("ends outstanding links when the password is changed on the account page", async () => {
    const user = await makeUser(s.db);
    await new ClientAt(s.url, "127.0.0.15").post("/forgot-password", { email: user.email });
    await runJobs();
    const [link] = await linksTo(user.email);
    const client = new TestClient(s.url);
    await client.signIn(user.email, TEST_PASSWORD);
    await client.get("/account");
    const changed = await client.post("/account", {
      _intent: "password",
      currentPassword: TEST_PASSWORD,
      newPassword: "een nieuw lang wachtwoord",
    });
    expect(changed.status).toBe(302);
    expect(await (await fetch(`${s.url}/reset-password/${link}`)).text()).toContain(
      "Deze link is ongeldig of verlopen.",
    );
  });

  it("lets the owner sign in right after a reset from the address that mistyped", async () => {
    const user = await makeQuickUser(s.db);
    const attempt = (password: string) =>
      new ClientAt(s.url, "127.0.0.16").post("/login", { email: user.email, password });
    for (let i = 0; i < 10; i++) expect((await attempt(`vergeten ${i}`)).status).toBe(400);
    expect((await attempt(TEST_PASSWORD)).status).toBe(429);
    const client = new ClientAt(s.url, "127.0.0.16");
    await client.post("/forgot-password", { email: user.email });
    await runJobs();
    const [link] = await linksTo(user.email);
    await client.get(`/reset-password/${link}`);
    const reset = await client.post(`/reset-password/${link}`, {
      password: "een gloednieuw wachtwoord",
    });
    expect(reset.status).toBe(302);
    expect((await attempt("een gloednieuw wachtwoord")).status).toBe(302);
  });
});
