import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../test/client.ts";
import { makeUser, TEST_PASSWORD } from "../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../test/server.ts";
import { safeRedirect } from "./language.ts";

describe("going back after signing in stays on this site", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  const hostile = [
    "/%09/evil.example/phish",
    "/\t/evil.example/phish",
    "/\\evil.example",
    "//evil.example",
    "/\n/evil.example",
    "https://evil.example",
    "/%0d%0aSet-Cookie:x=1",
  ];

  it("sends a hostile redirectTo home, and a line break gives no server error", async () => {
    for (const to of hostile) {
      const user = await makeUser(s.db);
      const client = new TestClient(s.url);
      await client.get("/login");
      const res = await client.post(`/login?redirectTo=${encodeURIComponent(to)}`, {
        email: user.email,
        password: TEST_PASSWORD,
      });
      expect(res.status, to).toBe(302);
      const location = res.headers.get("Location")!;
      expect(new URL(location, s.url).origin, `${to} → ${location}`).toBe(s.url);
    }
  });

  it("keeps an ordinary path with its query", () => {
    expect(safeRedirect("/manage/regio?x=1#y")).toBe("/manage/regio?x=1#y");
    for (const to of hostile)
      expect(new URL(safeRedirect(to), "http://a.test").host).toBe("a.test");
  });
});
