import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "../../test/fixtures.ts";
import { acceptInvitation, findInvitation } from "./acceptInvitation.ts";
import { inviteMember } from "./inviteMember.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { runDueJobs } from "../jobs/jobs.ts";
import {
  createResetLimiter,
  passwordResetJobHandlers,
  requestPasswordReset,
} from "./requestPasswordReset.ts";
import { resetPassword } from "./resetPassword.ts";
import { findSessionUser } from "./sessions.ts";
import { createLoginLimiter } from "./loginLimiter.ts";
import { signIn } from "./signIn.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const publicUrl = "http://localhost:3000";

describe("passwords", () => {
  it("verifies the right password and rejects a wrong one; the hash does not contain the password", async () => {
    const hash = await hashPassword("een lang wachtwoord");
    expect(hash).toMatch(/^scrypt\$/);
    expect(hash).not.toContain("wachtwoord");
    expect(await verifyPassword("een lang wachtwoord", hash)).toBe(true);
    expect(await verifyPassword("een ander wachtwoord", hash)).toBe(false);
  });
});

describe("sign-in", () => {
  it("signs in with the right password and creates a session that finds the user", async () => {
    const user = await makeUser(t.db);
    const result = await signIn(
      t.db,
      createLoginLimiter(),
      { email: user.email.toUpperCase(), password: TEST_PASSWORD },
      "127.0.0.1",
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = await findSessionUser(t.db, result.value.token);
    expect(session?.email).toBe(user.email);
  });

  it("answers the same for an unknown address and a wrong password", async () => {
    const user = await makeUser(t.db);
    const limiter = createLoginLimiter();
    const wrong = await signIn(
      t.db,
      limiter,
      { email: user.email, password: "nope nope nope" },
      "127.0.0.2",
    );
    const unknown = await signIn(
      t.db,
      limiter,
      { email: "nobody@example.org", password: "nope nope nope" },
      "127.0.0.2",
    );
    expect(wrong).toEqual(unknown);
    expect(wrong.ok).toBe(false);
  });

  it("refuses an eleventh failure on one account from one address, even with the right password", async () => {
    const user = await makeUser(t.db);
    const limiter = createLoginLimiter();
    for (let i = 0; i < 10; i++)
      await signIn(t.db, limiter, { email: user.email, password: "wrong password" }, "10.0.0.1");
    const result = await signIn(
      t.db,
      limiter,
      { email: user.email, password: TEST_PASSWORD },
      "10.0.0.1",
    );
    expect(result).toMatchObject({ ok: false, error: { key: "auth.tooManyAttempts" } });
  });

  it("gives field messages for a malformed e-mail and an empty password", async () => {
    const result = await signIn(
      t.db,
      createLoginLimiter(),
      { email: "not-an-address", password: "" },
      "127.0.0.3",
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { email: { key: "validation.email" }, password: { key: "validation.required" } },
    });
  });
});

describe("invitations", () => {
  it("lets an admin invite, writes the mail to the outbox, and makes the invitee a member with the role", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const invited = await inviteMember(
      scope,
      { email: "New.Person@Example.org", role: "facilitator" },
      { publicUrl, locale: "nl" },
    );
    expect(invited.ok).toBe(true);
    if (!invited.ok) return;
    const mail = await t.db
      .selectFrom("outbox")
      .selectAll()
      .where("to_address", "=", "new.person@example.org")
      .executeTakeFirstOrThrow();
    expect(mail.subject).toContain("Uitnodiging");
    expect(mail.body_text).toContain(invited.value.link);

    const token = invited.value.link.split("/invitation/")[1]!;
    expect((await findInvitation(t.db, token))?.role).toBe("facilitator");
    const accepted = await acceptInvitation(
      t.db,
      token,
      null,
      { name: "Nieuwe Persoon", password: "een lang wachtwoord" },
      { publicUrl: "http://x" },
    );
    expect(accepted.ok).toBe(true);
    if (!accepted.ok) return;
    const membership = await t.db
      .selectFrom("memberships")
      .selectAll()
      .where("user_id", "=", accepted.value.userId)
      .executeTakeFirstOrThrow();
    expect(membership).toMatchObject({ region_id: scope.regionId, role: "facilitator" });
    // The link is used up.
    expect(await findInvitation(t.db, token)).toBeNull();
    expect(
      (
        await acceptInvitation(
          t.db,
          token,
          null,
          { name: "X", password: "een lang wachtwoord" },
          { publicUrl: "http://x" },
        )
      ).ok,
    ).toBe(false);
  });

  it("does not let an organiser invite", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const result = await inviteMember(
      scope,
      { email: "x@example.org", role: "admin" },
      { publicUrl, locale: "en" },
    );
    expect(result).toMatchObject({ ok: false, error: { key: "errors.forbidden" } });
  });

  it("refuses a short password with a message for that field and creates no account", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const invited = await inviteMember(
      scope,
      { email: "short@example.org", role: "member" },
      { publicUrl, locale: "en" },
    );
    if (!invited.ok) throw new Error("invite failed");
    const token = invited.value.link.split("/invitation/")[1]!;
    const result = await acceptInvitation(
      t.db,
      token,
      null,
      { name: "Kort", password: "kort" },
      { publicUrl: "http://x" },
    );
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { password: { key: "validation.passwordTooShort" } },
    });
    expect(
      await t.db
        .selectFrom("users")
        .select("id")
        .where("email", "=", "short@example.org")
        .executeTakeFirst(),
    ).toBeUndefined();
  });
});

describe("password reset", () => {
  const ask = (email: string, limiter = createResetLimiter()) =>
    requestPasswordReset(t.db, limiter, { email }, "127.0.0.9", { publicUrl });
  const runJobs = () => runDueJobs(t.db, passwordResetJobHandlers);
  const mailsTo = (email: string) =>
    t.db
      .selectFrom("outbox")
      .selectAll()
      .where("to_address", "=", email)
      .orderBy("created_at", "desc")
      .execute();

  it("mails a link that sets a new password once and ends existing sessions", async () => {
    const user = await makeUser(t.db);
    const limiter = createLoginLimiter();
    const before = await signIn(
      t.db,
      limiter,
      { email: user.email, password: TEST_PASSWORD },
      "127.0.0.9",
    );
    if (!before.ok) throw new Error("sign-in failed");
    expect((await ask(user.email)).ok).toBe(true);
    await runJobs();
    const [mail] = await mailsTo(user.email);
    const token = /reset-password\/([A-Za-z0-9_-]+)/.exec(mail!.body_text)![1]!;
    expect((await resetPassword(t.db, token, { password: "een nieuw lang wachtwoord" })).ok).toBe(
      true,
    );
    expect(await findSessionUser(t.db, before.value.token)).toBeNull();
    expect(
      (
        await signIn(
          t.db,
          limiter,
          { email: user.email, password: "een nieuw lang wachtwoord" },
          "127.0.0.9",
        )
      ).ok,
    ).toBe(true);
    expect((await resetPassword(t.db, token, { password: "nog een ander wachtwoord" })).ok).toBe(
      false,
    );
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom("outbox")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    expect(await ask("nobody-here@example.org")).toEqual(await ask("somebody@example.org"));
    await runJobs();
    expect(await count()).toBe(before);
  });

  it("keeps no e-mail address in the job once it ran", async () => {
    await ask("trace-me@example.org");
    await runJobs();
    const rows = await t.db.selectFrom("jobs").select(["payload", "done_at"]).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain("trace-me");
  });
});
