import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../test/client.ts";
import { makeRegion, makeScope, makeUser, TEST_PASSWORD } from "../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../test/server.ts";

describe("account and privacy", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  async function signedIn(name = "Mira Jansen") {
    const user = await makeUser(s.db, { name });
    const client = new TestClient(s.url);
    await client.signIn(user.email, TEST_PASSWORD);
    return { user, client };
  }

  it("sends a visitor who is not signed in to the sign-in page", async () => {
    for (const path of ["/account", "/account/export.json"]) {
      const res = await fetch(s.url + path, { redirect: "manual" });
      expect(res.status, path).toBe(302);
      expect(res.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    }
  });

  it("lands a member of one region on it after sign-in, and others on the list of regions", async () => {
    const login = async (email: string, redirectTo = "") => {
      const client = new TestClient(s.url);
      await client.get("/login");
      return client.post(`/login${redirectTo ? `?redirectTo=${redirectTo}` : ""}`, {
        email,
        password: TEST_PASSWORD,
      });
    };
    const one = await makeScope(s.db, "organiser");
    expect((await login(one.user.email)).headers.get("Location")).toBe(
      `/manage/${one.region.slug}`,
    );
    // A destination the visitor asked for wins.
    expect((await login(one.user.email, "/account")).headers.get("Location")).toBe("/account");
    const second = await makeRegion(s.db);
    await s.db
      .insertInto("memberships")
      .values({ user_id: one.user.id, region_id: second.id, role: "member" })
      .execute();
    expect((await login(one.user.email)).headers.get("Location")).toBe("/");
    const none = await makeUser(s.db);
    expect((await login(none.email)).headers.get("Location")).toBe("/");
  });

  it("changes name and language, and the pages follow the language", async () => {
    const { user, client } = await signedIn();
    const page = await client.get("/account");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(user.email);
    const res = await client.post("/account", {
      _intent: "profile",
      name: "Mira de Vries",
      locale: "en",
    });
    expect(res.status).toBe(302);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("lr_lang=en"))).toBe(true);
    const after = await (await client.get("/account?done=profile")).text();
    expect(after).toContain('lang="en"');
    expect(after).toContain("Your details have been saved.");
    expect(after).toContain('value="Mira de Vries"');
  });

  it("keeps an empty name out with a message at the field", async () => {
    const { client } = await signedIn();
    await client.get("/account");
    const res = await client.post("/account", { _intent: "profile", name: "  ", locale: "nl" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Vul dit veld in.");
  });

  it("changes the password only with the current one", async () => {
    const { user, client } = await signedIn();
    await client.get("/account");
    const wrong = await client.post("/account", {
      _intent: "password",
      currentPassword: "dit is het niet",
      newPassword: "een nieuw lang wachtwoord",
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Dit is niet je huidige wachtwoord.");
    const right = await client.post("/account", {
      _intent: "password",
      currentPassword: TEST_PASSWORD,
      newPassword: "een nieuw lang wachtwoord",
    });
    expect(right.status).toBe(302);
    // This session stays signed in.
    expect((await client.get("/account")).status).toBe(200);
    const fresh = new TestClient(s.url);
    await expect(fresh.signIn(user.email, TEST_PASSWORD)).rejects.toThrow();
    await fresh.signIn(user.email, "een nieuw lang wachtwoord");
  });

  it("downloads my data as JSON, with nothing of anyone else", async () => {
    const { user, client } = await signedIn();
    const neighbour = await makeUser(s.db, { name: "Buur Bakker" });
    const { region } = await makeScope(s.db, "admin");
    await s.db
      .insertInto("memberships")
      .values({ user_id: user.id, region_id: region.id, role: "organiser" })
      .execute();
    const elsewhere = await makeRegion(s.db, { name: "Regio Elders" });
    await s.db
      .insertInto("people")
      .values([
        { region_id: elsewhere.id, name: "Mira J.", email: user.email, expertise: ["zorg"] },
        { region_id: elsewhere.id, name: "Buur Bakker", email: neighbour.email },
      ])
      .execute();

    const res = await client.get("/account/export.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("application/json");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".+\.json"$/);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const text = await res.text();
    const data = JSON.parse(text) as {
      user: { email: string };
      memberships: { regionName: string; role: string }[];
      people: { regionName: string; expertise: string[] }[];
      activeSessions: number;
    };
    expect(data.user.email).toBe(user.email);
    expect(data.memberships).toEqual([
      expect.objectContaining({ regionName: region.name, role: "organiser" }),
    ]);
    expect(data.people).toEqual([
      expect.objectContaining({ regionName: "Regio Elders", expertise: ["zorg"] }),
    ]);
    expect(data.activeSessions).toBe(1);
    expect(text).not.toContain(neighbour.email);
    expect(text).not.toContain("Buur Bakker");
    expect(text).not.toContain("scrypt");
  });

  it("refuses to erase the last admin of a region and names the region", async () => {
    const { user, client } = await signedIn();
    const region = await makeRegion(s.db, { name: "Regio Zonder Opvolger" });
    await s.db
      .insertInto("memberships")
      .values({ user_id: user.id, region_id: region.id, role: "admin" })
      .execute();
    await client.get("/account");
    const res = await client.post("/account", {
      _intent: "erase",
      confirmEmail: user.email,
      password: TEST_PASSWORD,
    });
    // The request is fine; the region's state refuses it.
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Je bent de enige beheerder van Regio Zonder Opvolger.");
    expect((await client.get("/account")).status).toBe(200);
  });

  it("erases the account after the e-mail and password are given, after which sign-in fails", async () => {
    const { user, client } = await signedIn();
    const region = await makeRegion(s.db);
    await s.db
      .insertInto("people")
      .values({ region_id: region.id, name: "Mira Jansen", email: user.email })
      .execute();
    await client.get("/account");
    const mismatch = await client.post("/account", {
      _intent: "erase",
      confirmEmail: "iemand.anders@example.org",
      password: TEST_PASSWORD,
    });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain("Dit is niet het e-mailadres van je account.");

    const res = await client.post("/account", {
      _intent: "erase",
      confirmEmail: user.email,
      password: TEST_PASSWORD,
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/account/erased");
    expect(res.headers.getSetCookie().some((c) => /^lr_session=;.*Max-Age=0/.test(c))).toBe(true);
    const done = await client.get("/account/erased");
    expect(await done.text()).toContain("Je account is verwijderd");
    expect((await client.get("/account")).status).toBe(302);

    const again = new TestClient(s.url);
    await again.get("/login");
    const login = await again.post("/login", { email: user.email, password: TEST_PASSWORD });
    expect(login.status).toBe(400);
    const person = await s.db
      .selectFrom("people")
      .select(["name", "email", "erased_at"])
      .where("region_id", "=", region.id)
      .executeTakeFirstOrThrow();
    expect(person.email).toBeNull();
    expect(person.name).not.toContain("Mira");
    expect(person.erased_at).not.toBeNull();
  });
});
