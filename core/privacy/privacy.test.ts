import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeRegion, makeScope, makeUser, TEST_PASSWORD } from "../../test/fixtures.ts";
import { inviteMember } from "../accounts/inviteMember.ts";
import { createSession } from "../accounts/sessions.ts";
import { createLoginLimiter } from "../accounts/loginLimiter.ts";
import { signIn } from "../accounts/signIn.ts";
import { queueMail } from "../mail/outbox.ts";
import { DEFAULT_LOCALE, translator } from "../../i18n/index.ts";
import { eraseAccount } from "./eraseAccount.ts";
import { exportMyData } from "./exportMyData.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const opts = { publicUrl: "http://localhost:3000", locale: "nl" as const };

/**
 * A person who is admin of one region (with a second admin), member of another, recorded as a
 * person in a third region they do not belong to, invited to a fourth, with mail to them; and
 * a neighbour with the same kinds of data, which must never show up in the person's export.
 */
async function world() {
  const me = await makeUser(t.db, { name: "Mira Jansen" });
  const neighbour = await makeUser(t.db, { name: "Buur Bakker" });
  const home = { region: await makeRegion(t.db, { name: "Regio Thuis" }) };
  const club = await makeScope(t.db, "admin");
  const elsewhere = await makeRegion(t.db, { name: "Regio Elders" });
  const inviting = await makeScope(t.db, "admin");
  await t.db
    .insertInto("memberships")
    .values([
      { user_id: me.id, region_id: home.region.id, role: "admin" },
      { user_id: me.id, region_id: club.region.id, role: "member" },
      { user_id: neighbour.id, region_id: home.region.id, role: "member" },
    ])
    .execute();
  const org = await t.db
    .insertInto("organisations")
    .values({ region_id: elsewhere.id, name: "Wijkteam Oost", sector: "social" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("people")
    .values([
      {
        region_id: elsewhere.id,
        organisation_id: org.id,
        name: "Mira Jansen",
        email: me.email,
        perspectives: ["living"],
        expertise: ["wijkgericht werken"],
      },
      {
        region_id: home.region.id,
        name: "Mira J.",
        email: me.email,
        perspectives: ["policy"],
        expertise: ["armoede"],
      },
      {
        region_id: elsewhere.id,
        name: "Buur Bakker",
        email: neighbour.email,
        expertise: ["bouw"],
      },
    ])
    .execute();
  await inviteMember(inviting.scope, { email: me.email, role: "facilitator" }, opts);
  await inviteMember(inviting.scope, { email: neighbour.email, role: "member" }, opts);
  await t.db
    .transaction()
    .execute((tx) =>
      queueMail(tx, { regionId: null, to: me.email, subject: "Voor mij", text: "Hallo" }),
    );
  await t.db
    .transaction()
    .execute((tx) =>
      queueMail(tx, { regionId: null, to: neighbour.email, subject: "Voor buur", text: "Hoi" }),
    );
  await createSession(t.db, me.id);
  await createSession(t.db, me.id);
  return { me, neighbour, home, club, elsewhere, inviting };
}

describe("exportMyData", () => {
  it("contains everything about me and nothing about anyone else", async () => {
    const w = await world();
    const data = await exportMyData(t.db, w.me.id);
    expect(data).not.toBeNull();
    if (!data) return;
    expect(data.user).toMatchObject({ id: w.me.id, email: w.me.email, name: "Mira Jansen" });
    expect(data.user).not.toHaveProperty("password_hash");
    expect(data.user).not.toHaveProperty("passwordHash");
    expect(data.memberships.map((m) => [m.regionName, m.role]).sort()).toEqual(
      [
        [w.home.region.name, "admin"],
        [w.club.region.name, "member"],
      ].sort(),
    );
    expect(data.people).toHaveLength(2);
    expect(data.people.find((p) => p.regionName === "Regio Elders")).toMatchObject({
      organisation: "Wijkteam Oost",
      expertise: ["wijkgericht werken"],
      perspectives: ["living"],
    });
    expect(data.invitations).toEqual([
      expect.objectContaining({ regionName: w.inviting.region.name, role: "facilitator" }),
    ]);
    expect(data.mails.map((m) => m.subject)).toContain("Voor mij");
    expect(data.mails.every((m) => m.to === w.me.email)).toBe(true);
    expect(data.activeSessions).toBe(2);

    const text = JSON.stringify(data);
    expect(text).not.toContain(w.neighbour.email);
    expect(text).not.toContain("Buur Bakker");
    expect(text).not.toContain("Voor buur");
    expect(text).not.toContain("scrypt$");
    expect(text).not.toMatch(/token|csrf/i);
  });
});

describe("eraseAccount", () => {
  it("removes the account and personal data, and keeps anonymised people rows", async () => {
    const w = await world();
    // Somebody else must be able to run the region the person was admin of.
    await t.db
      .updateTable("memberships")
      .set({ role: "admin" })
      .where("user_id", "=", w.neighbour.id)
      .execute();
    const result = await eraseAccount(t.db, createLoginLimiter(), w.me.id, {
      confirmEmail: ` ${w.me.email.toUpperCase()} `,
      password: TEST_PASSWORD,
    });
    expect(result).toEqual({ ok: true, value: { anonymisedPeople: 2 } });

    expect(await t.db.selectFrom("users").select("id").where("id", "=", w.me.id).execute()).toEqual(
      [],
    );
    expect(
      await t.db
        .selectFrom("memberships")
        .select("region_id")
        .where("user_id", "=", w.me.id)
        .execute(),
    ).toEqual([]);
    expect(
      await t.db
        .selectFrom("auth_sessions")
        .select("user_id")
        .where("user_id", "=", w.me.id)
        .execute(),
    ).toEqual([]);
    expect(
      await t.db.selectFrom("invitations").select("id").where("email", "=", w.me.email).execute(),
    ).toEqual([]);
    expect(
      await t.db.selectFrom("outbox").select("id").where("to_address", "=", w.me.email).execute(),
    ).toEqual([]);

    const people = await t.db
      .selectFrom("people")
      .selectAll()
      .where("region_id", "in", [w.elsewhere.id, w.home.region.id])
      .execute();
    const erased = people.filter((p) => p.erased_at !== null);
    expect(erased).toHaveLength(2);
    for (const p of erased) {
      expect(p).toMatchObject({
        name: translator(DEFAULT_LOCALE)("people.erasedName"),
        email: null,
        organisation_id: null,
        perspectives: [],
        expertise: [],
      });
      expect(JSON.stringify(p)).not.toContain("Mira");
    }
    // The rows themselves stay, so what the person contributed stays counted.
    expect(erased.find((p) => p.region_id === w.elsewhere.id)?.erased_at).not.toBeNull();

    // The neighbour's data is untouched.
    expect(people.find((p) => p.email === w.neighbour.email)).toMatchObject({
      name: "Buur Bakker",
      erased_at: null,
    });
    expect(
      await t.db
        .selectFrom("outbox")
        .select("id")
        .where("to_address", "=", w.neighbour.email)
        .execute(),
    ).toHaveLength(2);

    const again = await signIn(
      t.db,
      createLoginLimiter(),
      { email: w.me.email, password: TEST_PASSWORD },
      "127.0.0.1",
    );
    expect(again).toMatchObject({ ok: false, error: { key: "auth.invalidCredentials" } });
  });

  it("refuses while the person is the last admin of a region, and names the region", async () => {
    const w = await world();
    const result = await eraseAccount(t.db, createLoginLimiter(), w.me.id, {
      confirmEmail: w.me.email,
      password: TEST_PASSWORD,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { key: "account.eraseLastAdmin", values: { regions: w.home.region.name } },
    });
    expect(
      await t.db.selectFrom("users").select("id").where("id", "=", w.me.id).executeTakeFirst(),
    ).toBeDefined();
    expect(
      await t.db.selectFrom("people").select("id").where("email", "=", w.me.email).execute(),
    ).toHaveLength(2);
  });

  it("needs the account's own e-mail address and password", async () => {
    const me = await makeUser(t.db);
    const limiter = createLoginLimiter();
    expect(
      await eraseAccount(t.db, limiter, me.id, {
        confirmEmail: "iemand@anders.nl",
        password: TEST_PASSWORD,
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { confirmEmail: { key: "account.eraseConfirmMismatch" } },
    });
    expect(
      await eraseAccount(t.db, limiter, me.id, { confirmEmail: me.email, password: "verkeerd!" }),
    ).toMatchObject({ ok: false, fieldErrors: { password: { key: "account.wrongPassword" } } });
    expect(await eraseAccount(t.db, limiter, me.id, {})).toMatchObject({
      ok: false,
      fieldErrors: {
        confirmEmail: { key: "validation.required" },
        password: { key: "validation.required" },
      },
    });
    expect(
      await t.db.selectFrom("users").select("id").where("id", "=", me.id).executeTakeFirst(),
    ).toBeDefined();
  });

  it("refuses to erase the only platform administrator", async () => {
    const existing = await t.db
      .selectFrom("users")
      .select("id")
      .where("is_platform_admin", "=", true)
      .execute();
    expect(existing).toEqual([]);
    const root = await makeUser(t.db, { isPlatformAdmin: true });
    expect(
      await eraseAccount(t.db, createLoginLimiter(), root.id, {
        confirmEmail: root.email,
        password: TEST_PASSWORD,
      }),
    ).toMatchObject({ ok: false, error: { key: "account.eraseLastPlatformAdmin" } });
    await makeUser(t.db, { isPlatformAdmin: true });
    expect(
      (
        await eraseAccount(t.db, createLoginLimiter(), root.id, {
          confirmEmail: root.email,
          password: TEST_PASSWORD,
        })
      ).ok,
    ).toBe(true);
  });
});
