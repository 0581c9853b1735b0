import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientAt } from "../../test/clientAt.ts";
import { TEST_PASSWORD } from "../../test/fixtures.ts";
import { makeQuickUser } from "../../test/quickUser.ts";
import { startTestServer, type TestServer } from "../../test/server.ts";

describe("sign-in limits over HTTP", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  /** One sign-in as a fresh browser on `address`: its status and page. */
  const signIn = (address: string, email: string, password: string) =>
    new ClientAt(s.url, address).post("/login", { email, password });

  it("keeps signing in an owner who signs in often from one address", async () => {
    const user = await makeQuickUser(s.db);
    // The old limit counted every attempt: the 51st right password got 429.
    for (let i = 0; i < 60; i++)
      expect(
        (await signIn("127.0.0.2", user.email, TEST_PASSWORD)).status,
        `sign-in ${i + 1}`,
      ).toBe(302);
  });

  it("does not let a guesser shut out on one address shut out the owner on another", async () => {
    const user = await makeQuickUser(s.db);
    for (let i = 0; i < 10; i++)
      expect((await signIn("127.0.0.3", user.email, `geraden ${i}`)).status).toBe(400);
    const refused = await signIn("127.0.0.3", user.email, TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect((await signIn("127.0.0.4", user.email, TEST_PASSWORD)).status).toBe(302);
    expect(refused.text).toContain("Te veel mislukte pogingen.");
  });

  it("forgets an address's failures once it signs in with the right password", async () => {
    const user = await makeQuickUser(s.db);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 9; i++)
        expect((await signIn("127.0.0.5", user.email, `typfout ${i}`)).status).toBe(400);
      expect((await signIn("127.0.0.5", user.email, TEST_PASSWORD)).status).toBe(302);
    }
  });
});
