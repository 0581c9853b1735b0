import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeUser, TEST_PASSWORD } from "../../test/fixtures.ts";
import { changePassword } from "./changePassword.ts";
import { findSessionUser } from "./sessions.ts";
import { createLoginLimiter } from "./loginLimiter.ts";
import { signIn } from "./signIn.ts";
import { updateProfile } from "./updateProfile.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

describe("updateProfile", () => {
  it("changes name and language", async () => {
    const user = await makeUser(t.db);
    expect(await updateProfile(t.db, user.id, { name: "  Nieuwe Naam ", locale: "en" })).toEqual({
      ok: true,
      value: { name: "Nieuwe Naam", locale: "en" },
    });
    const row = await t.db
      .selectFrom("users")
      .select(["name", "locale"])
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: "Nieuwe Naam", locale: "en" });
  });

  it("refuses an empty name and an unknown language", async () => {
    const user = await makeUser(t.db);
    expect(await updateProfile(t.db, user.id, { name: " ", locale: "fr" })).toMatchObject({
      ok: false,
      fieldErrors: { name: { key: "validation.required" }, locale: { key: "validation.choice" } },
    });
  });
});

describe("changePassword", () => {
  it("needs the current password, then ends every other session but this one", async () => {
    const user = await makeUser(t.db);
    const limiter = createLoginLimiter();
    const here = await signIn(t.db, limiter, { email: user.email, password: TEST_PASSWORD }, "a");
    const elsewhere = await signIn(
      t.db,
      limiter,
      { email: user.email, password: TEST_PASSWORD },
      "b",
    );
    if (!here.ok || !elsewhere.ok) throw new Error("sign-in failed");

    const wrong = await changePassword(
      t.db,
      limiter,
      { userId: user.id, sessionToken: here.value.token },
      { currentPassword: "niet mijn wachtwoord", newPassword: "een heel nieuw wachtwoord" },
    );
    expect(wrong).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: { key: "account.wrongPassword" } },
    });

    const changed = await changePassword(
      t.db,
      limiter,
      { userId: user.id, sessionToken: here.value.token },
      { currentPassword: TEST_PASSWORD, newPassword: "een heel nieuw wachtwoord" },
    );
    expect(changed).toEqual({ ok: true, value: { endedSessions: 1 } });
    expect(await findSessionUser(t.db, here.value.token)).not.toBeNull();
    expect(await findSessionUser(t.db, elsewhere.value.token)).toBeNull();
    const login = (password: string) =>
      signIn(t.db, createLoginLimiter(), { email: user.email, password }, "c");
    expect((await login(TEST_PASSWORD)).ok).toBe(false);
    expect((await login("een heel nieuw wachtwoord")).ok).toBe(true);
  });

  it("applies the password policy and refuses the same password", async () => {
    const user = await makeUser(t.db);
    const actor = { userId: user.id, sessionToken: null };
    expect(
      await changePassword(t.db, createLoginLimiter(), actor, {
        currentPassword: TEST_PASSWORD,
        newPassword: "kort",
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: { key: "validation.passwordTooShort" } },
    });
    expect(
      await changePassword(t.db, createLoginLimiter(), actor, {
        currentPassword: TEST_PASSWORD,
        newPassword: TEST_PASSWORD,
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: { key: "account.passwordUnchanged" } },
    });
  });

  it("stops guessing the current password after ten tries", async () => {
    const user = await makeUser(t.db);
    const limiter = createLoginLimiter();
    const actor = { userId: user.id, sessionToken: null };
    for (let i = 0; i < 10; i++)
      await changePassword(t.db, limiter, actor, {
        currentPassword: `gok nummer ${i}`,
        newPassword: "een heel nieuw wachtwoord",
      });
    expect(
      await changePassword(t.db, limiter, actor, {
        currentPassword: TEST_PASSWORD,
        newPassword: "een heel nieuw wachtwoord",
      }),
    ).toMatchObject({ ok: false, error: { key: "auth.tooManyAttempts" } });
  });
});
