import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../test/client.ts";
import { makeUser, TEST_PASSWORD } from "../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../test/server.ts";

const langOf = async (res: Response) => /<html lang="(\w+)"/.exec(await res.text())?.[1];

describe("the language switch", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  it("switches this browser only; the account's choice is where a new browser starts", async () => {
    const user = await makeUser(s.db);
    const laptop = new TestClient(s.url);
    const phone = new TestClient(s.url);
    await laptop.signIn(user.email, TEST_PASSWORD);
    await phone.signIn(user.email, TEST_PASSWORD);
    expect(await langOf(await phone.get("/account"))).toBe("nl");
    expect(await langOf(await laptop.get("/account"))).toBe("nl");

    const switched = await laptop.post("/language", { lang: "en", redirectTo: "/account" });
    expect(switched.status).toBe(302);
    expect(await langOf(await laptop.get("/account"))).toBe("en");
    // The phone, signed in to the same account, stays as it was.
    expect(await langOf(await phone.get("/account"))).toBe("nl");

    // A browser signed in afterwards starts in the account's latest choice.
    const tablet = new TestClient(s.url);
    await tablet.signIn(user.email, TEST_PASSWORD);
    expect(await langOf(await tablet.get("/account"))).toBe("en");
    // And switching there does not move the laptop.
    await tablet.post("/language", { lang: "nl", redirectTo: "/account" });
    expect(await langOf(await tablet.get("/account"))).toBe("nl");
    expect(await langOf(await laptop.get("/account"))).toBe("en");
  });
});
