import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { TEST_PASSWORD } from "../../test/fixtures.ts";
import { makeQuickUser as makeUser } from "../../test/quickUser.ts";
import { clientKey } from "../kernel/clientKey.ts";
import { changePassword } from "./changePassword.ts";
import { confirmPassword } from "./confirmPassword.ts";
import { createLoginLimiter, LOGIN_LIMITS } from "./loginLimiter.ts";
import { signIn } from "./signIn.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

/** `n` failed attempts: reserved and never marked as succeeded. */
async function fail(
  limiter: ReturnType<typeof createLoginLimiter>,
  n: number,
  account: string,
  client: (i: number) => string,
) {
  const allowed: boolean[] = [];
  for (let i = 0; i < n; i++) allowed.push(await limiter.reserve(account, client(i)));
  return allowed;
}

describe("the login limiter", () => {
  it("counts only failures: a right password gives its attempt back", async () => {
    const limiter = createLoginLimiter();
    for (let i = 0; i < 300; i++) {
      expect(await limiter.reserve("owner@example.org", "10.0.0.1")).toBe(true);
      await limiter.succeeded("owner@example.org", "10.0.0.1");
    }
  });

  it("closes an account for one address after 10 failures, not for the owner elsewhere", async () => {
    const limiter = createLoginLimiter();
    expect(await fail(limiter, 10, "a@example.org", () => "10.0.0.1")).not.toContain(false);
    expect(await limiter.reserve("a@example.org", "10.0.0.1")).toBe(false);
    expect(await limiter.reserve("a@example.org", "10.0.0.2")).toBe(true);
    // The same address may still try other accounts.
    expect(await limiter.reserve("b@example.org", "10.0.0.1")).toBe(true);
  });

  it("clears a pair's failures when its password is right", async () => {
    const limiter = createLoginLimiter();
    await fail(limiter, 9, "a@example.org", () => "10.0.0.1");
    expect(await limiter.reserve("a@example.org", "10.0.0.1")).toBe(true);
    await limiter.succeeded("a@example.org", "10.0.0.1");
    expect(await fail(limiter, 10, "a@example.org", () => "10.0.0.1")).not.toContain(false);
  });

  it("closes an address after 100 failures across accounts", async () => {
    const spread = createLoginLimiter();
    for (let i = 0; i < LOGIN_LIMITS.perClient.points; i++)
      expect(await spread.reserve(`user${i}@example.org`, "10.0.0.1")).toBe(true);
    expect(await spread.reserve("one-more@example.org", "10.0.0.1")).toBe(false);
    expect(await spread.reserve("one-more@example.org", "10.0.0.2")).toBe(true);
  });

  it("closes an account after 100 failures in an hour from all addresses together", async () => {
    const limiter = createLoginLimiter();
    const allowed = await fail(
      limiter,
      100,
      "a@example.org",
      (i) => `10.0.${Math.floor(i / 10)}.1`,
    );
    expect(allowed).not.toContain(false);
    expect(await limiter.reserve("a@example.org", "10.9.9.9")).toBe(false);
  });

  it("takes nothing from the shared budgets for a refused attempt", async () => {
    const limiter = createLoginLimiter();
    await fail(limiter, 10, "a@example.org", () => "10.0.0.1");
    // Hammering the closed pair a thousand times spends neither the address nor the account.
    expect(await fail(limiter, 1000, "a@example.org", () => "10.0.0.1")).not.toContain(true);
    expect(
      await fail(limiter, 90, "a@example.org", (i) => `10.1.${Math.floor(i / 10)}.1`),
    ).not.toContain(false);
    for (let i = 0; i < 90; i++)
      expect(await limiter.reserve(`other${i}@example.org`, "10.0.0.1")).toBe(true);
  });

  it("counts an IPv6 client by its /64, and an IPv4-mapped address as IPv4", async () => {
    expect(clientKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:0db8:0001:0002:ffff:0:0:5")).toBe("2001:db8:1:2::/64");
    expect(clientKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(clientKey("::ffff:10.0.0.1")).toBe("10.0.0.1");
    expect(clientKey("10.0.0.1")).toBe("10.0.0.1");
    const limiter = createLoginLimiter();
    expect(
      await fail(limiter, 10, "a@example.org", (i) => `2001:db8:1:2::${i.toString(16)}`),
    ).not.toContain(false);
    expect(await limiter.reserve("a@example.org", "2001:db8:1:2:abcd::9")).toBe(false);
    expect(await limiter.reserve("a@example.org", "2001:db8:1:3::1")).toBe(true);
  });
});

describe("signing in", () => {
  it("keeps signing in the owner who signs in often: right passwords do not count", async () => {
    const user = await makeUser(t.db);
    const limiter = createLoginLimiter();
    // More than the old limit of 50 attempts per client address, and than the new ones.
    for (let i = 0; i < 120; i++) {
      const result = await signIn(
        t.db,
        limiter,
        { email: user.email, password: TEST_PASSWORD },
        "10.2.0.1",
      );
      expect(result.ok, `sign-in ${i + 1}`).toBe(true);
    }
  });

  it("does not let ten wrong passwords from one address lock the owner out on another", async () => {
    const user = await makeUser(t.db);
    const limiter = createLoginLimiter();
    for (let i = 0; i < 10; i++)
      expect(
        await signIn(t.db, limiter, { email: user.email, password: "geraden" }, "203.0.113.7"),
      ).toMatchObject({ ok: false, error: { key: "auth.invalidCredentials" } });
    expect(
      await signIn(t.db, limiter, { email: user.email, password: TEST_PASSWORD }, "203.0.113.7"),
    ).toMatchObject({ ok: false, error: { key: "auth.tooManyAttempts" } });
    const owner = await signIn(
      t.db,
      limiter,
      { email: user.email, password: TEST_PASSWORD },
      "198.51.100.1",
    );
    expect(owner.ok).toBe(true);
  });

  it("counts parallel guesses before checking them, so none slip past the limit", async () => {
    const user = await makeUser(t.db);
    const limiter = createLoginLimiter();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        signIn(t.db, limiter, { email: user.email, password: `gok ${i}` }, "203.0.113.8"),
      ),
    );
    const keys = results.map((r) => (r.ok ? "ok" : r.error.key));
    expect(keys.filter((k) => k === "auth.invalidCredentials")).toHaveLength(10);
    expect(keys.filter((k) => k === "auth.tooManyAttempts")).toHaveLength(20);
  });
});

describe("confirming the password in a signed-in session", () => {
  it("uses the same limiter: ten wrong guesses stop the form, not the owner's sign-in", async () => {
    const user = await makeUser(t.db);
    const limiter = createLoginLimiter();
    for (let i = 0; i < 10; i++)
      expect(await confirmPassword(t.db, limiter, user.id, `gok ${i}`, "password")).toMatchObject({
        ok: false,
        fieldErrors: { password: { key: "account.wrongPassword" } },
      });
    expect(await confirmPassword(t.db, limiter, user.id, TEST_PASSWORD, "password")).toMatchObject({
      ok: false,
      error: { key: "auth.tooManyAttempts" },
    });
    expect(
      (await signIn(t.db, limiter, { email: user.email, password: TEST_PASSWORD }, "10.3.0.1")).ok,
    ).toBe(true);
  });

  it("does not count right passwords, and spends the account's shared budget on wrong ones", async () => {
    const user = await makeUser(t.db);
    const limiter = createLoginLimiter();
    for (let i = 0; i < 20; i++)
      expect((await confirmPassword(t.db, limiter, user.id, TEST_PASSWORD, "password")).ok).toBe(
        true,
      );
    for (let i = 0; i < 9; i++)
      await changePassword(
        t.db,
        limiter,
        { userId: user.id, sessionToken: null },
        { currentPassword: `gok ${i}`, newPassword: "een heel nieuw wachtwoord" },
      );
    // 9 failures in the session plus 91 from elsewhere: the account is closed everywhere.
    await fail(limiter, 91, user.email, (i) => `10.4.${Math.floor(i / 10)}.1`);
    expect(await limiter.reserve(user.email, "10.5.0.1")).toBe(false);
  });
});
