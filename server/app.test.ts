import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeScope, TEST_PASSWORD } from "../test/fixtures.ts";
import { TestClient } from "../test/client.ts";
import { startTestServer, type TestServer } from "../test/server.ts";
import { ConfigError, parseConfig } from "./env.server.ts";

describe("configuration", () => {
  it("stops with one sentence naming the variable", () => {
    expect(() => parseConfig({ PORT: "not-a-port" })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: "not-a-port" })).toThrow(/PORT/);
    expect(() => parseConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL.*postgres/);
    expect(parseConfig({}).PORT).toBe(3000);
  });
});

describe("the HTTP edge", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  it("serves the home page in Dutch by default and in English when the browser asks", async () => {
    const nl = await fetch(s.url + "/");
    expect(nl.status).toBe(200);
    expect(await nl.text()).toContain('lang="nl"');
    const en = await fetch(s.url + "/", { headers: { "Accept-Language": "en-GB,en;q=0.9" } });
    expect(await en.text()).toContain('lang="en"');
  });

  it("sets cookies HttpOnly and SameSite", async () => {
    const res = await fetch(s.url + "/login");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("lr_csrf="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("refuses a form post without the CSRF token and changes nothing", async () => {
    const res = await fetch(s.url + "/login", {
      method: "POST",
      body: new URLSearchParams({ email: "a@example.org", password: "x" }),
      redirect: "manual",
    });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("Het formulier is verlopen");
    expect(html).not.toMatch(/at .*\.js:\d+/);
  });

  it("signs in and out through the forms", async () => {
    const { user, region } = await makeScope(s.db, "organiser");
    const c = new TestClient(s.url);
    await c.signIn(user.email, TEST_PASSWORD);
    const overview = await c.get(`/manage/${region.slug}`);
    expect(overview.status).toBe(200);
    expect(await overview.text()).toContain(region.name);
    const out = await c.post("/logout", {});
    expect(out.status).toBe(302);
    expect((await c.get(`/manage/${region.slug}`)).status).toBe(302);
  });

  it("shows field messages for a bad sign-in, in English when chosen, without a stack trace", async () => {
    const c = new TestClient(s.url);
    await c.get("/login", { "Accept-Language": "en" });
    const res = await c.post(
      "/login",
      { email: "not an address", password: "" },
      { "Accept-Language": "en" },
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Enter a valid e-mail address");
    expect(html).toContain("Fill in this field.");
  });

  it("refuses an oversized body with 413 before reading it", async () => {
    const res = await fetch(s.url + "/login", {
      method: "POST",
      body: "x".repeat(2 * 1024 * 1024),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(413);
  });

  it("answers 404 for a region the user is not a member of, exactly as for one that does not exist", async () => {
    const a = await makeScope(s.db, "admin");
    const b = await makeScope(s.db, "admin");
    const c = new TestClient(s.url);
    await c.signIn(a.user.email, TEST_PASSWORD);
    const other = await c.get(`/manage/${b.region.slug}`);
    const none = await c.get(`/manage/no-such-region`);
    expect(other.status).toBe(404);
    expect(none.status).toBe(404);
    expect(await other.text()).not.toContain(b.region.name);
  });
});
