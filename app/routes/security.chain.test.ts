import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClient } from "../../test/client.ts";
import { makeScope } from "../../test/fixtures.ts";
import { startTestServer, type TestServer } from "../../test/server.ts";
import { TEST_PASSWORD } from "../../test/fixtures.ts";

/**
 * The audit's critical chain: region B's admin invites an address that region A holds, reads the
 * invitation in B's outbox, accepts it, and then exports or erases "my data" to reach A's records.
 * Every link of the chain is closed; the last test shows the address's real owner still gets
 * everything once they prove the mailbox.
 */
describe("a region's admin cannot take over another region's person through an invitation", () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  async function twoRegions() {
    const a = await makeScope(s.db, "admin");
    const b = await makeScope(s.db, "admin");
    const victim = `slachtoffer-${Date.now()}@voorbeeld.nl`;
    const person = await s.db
      .insertInto("people")
      .values({ region_id: a.region.id, name: "Anna Uit A", email: victim })
      .returning("id")
      .executeTakeFirstOrThrow();
    const secret = `${s.url}/registration/abc123.geheim-van-a`;
    await s.db
      .insertInto("outbox")
      .values({
        region_id: a.region.id,
        to_address: victim,
        subject: "Je aanmelding in A",
        body_text: `Beste Anna Uit A,\nOnline: https://meet.example/geheim\nJe aanmelding: ${secret}`,
      })
      .execute();
    const bAdmin = new TestClient(s.url);
    await bAdmin.signIn(b.user.email, TEST_PASSWORD);
    return { a, b, victim, person, secret, bAdmin };
  }

  async function inviteAndAccept(ctx: Awaited<ReturnType<typeof twoRegions>>) {
    const { b, victim, bAdmin } = ctx;
    await bAdmin.get(`/manage/${b.region.slug}/members`);
    const invited = await bAdmin.post(`/manage/${b.region.slug}/members`, {
      _intent: "invite",
      email: victim,
      role: "member",
    });
    expect(invited.status).toBe(302);
    const mail = await s.db
      .selectFrom("outbox")
      .select(["id", "body_text"])
      .where("region_id", "=", b.region.id)
      .where("to_address", "=", victim)
      .executeTakeFirstOrThrow();
    // Link 1: the admin's outbox shows the mail, but not the link that accepts it.
    const page = await (await bAdmin.get(`/manage/${b.region.slug}/outbox/${mail.id}`)).text();
    const link = /https?:\/\/\S+\/invitation\/[A-Za-z0-9_-]+/.exec(mail.body_text)![0];
    const token = link.split("/invitation/")[1]!;
    expect(page).toContain("persoonlijke link, alleen voor de ontvanger");
    expect(page).not.toContain(token);

    // Link 2: even with the link (forwarded, guessed from elsewhere), accepting creates an
    // account whose address is not proven.
    const attacker = new TestClient(s.url);
    await attacker.get(`/invitation/${token}`);
    const accepted = await attacker.post(`/invitation/${token}`, {
      name: "Indringer",
      password: "een heel lang wachtwoord",
    });
    expect(accepted.status).toBe(302);
    await attacker.get("/account");
    return attacker;
  }

  it("keeps the invitation link out of the outbox, and export and erasure away from region A", async () => {
    const ctx = await twoRegions();
    const attacker = await inviteAndAccept(ctx);
    const account = await (await attacker.get("/account")).text();
    expect(account).toContain("nog niet bevestigd");

    // Link 3: "my data" holds nothing of region A.
    const exported = await (await attacker.get("/account/export.json")).text();
    expect(exported).not.toContain("Anna Uit A");
    expect(exported).not.toContain("meet.example");
    expect(exported).not.toContain("geheim-van-a");
    expect(JSON.parse(exported).user.emailVerified).toBe(false);

    // Link 4: erasing the account leaves region A's person and mail as they were.
    const erased = await attacker.post("/account", {
      _intent: "erase",
      confirmEmail: ctx.victim,
      password: "een heel lang wachtwoord",
    });
    expect(erased.status).toBe(302);
    expect(erased.headers.get("Location")).toBe("/account/erased");
    const person = await s.db
      .selectFrom("people")
      .select(["name", "email"])
      .where("id", "=", ctx.person.id)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ name: "Anna Uit A", email: ctx.victim });
    const aMails = await s.db
      .selectFrom("outbox")
      .select("id")
      .where("region_id", "=", ctx.a.region.id)
      .execute();
    expect(aMails).toHaveLength(1);
  });

  it("gives the address's real owner region A's records once a link mailed to it was used", async () => {
    const ctx = await twoRegions();
    const owner = await inviteAndAccept(ctx);
    const mail = await s.db
      .selectFrom("outbox")
      .select("body_text")
      .where("to_address", "=", ctx.victim)
      .where("body_text", "like", "%/verify-email/%")
      .executeTakeFirstOrThrow();
    const token = /\/verify-email\/([A-Za-z0-9_-]+)/.exec(mail.body_text)![1]!;
    // Opening the link changes nothing (mail scanners open links); the button does.
    await owner.get(`/verify-email/${token}`);
    expect(
      JSON.parse(await (await owner.get("/account/export.json")).text()).user.emailVerified,
    ).toBe(false);
    const confirmed = await owner.post(`/verify-email/${token}`, {});
    expect(confirmed.headers.get("Location")).toBe("/account?done=verified");
    const exported = JSON.parse(await (await owner.get("/account/export.json")).text());
    expect(exported.user.emailVerified).toBe(true);
    expect(exported.people.map((p: { name: string }) => p.name)).toContain("Anna Uit A");
    // The links in mails are keys, not data: the export carries the mail without them.
    const text = JSON.stringify(exported.mails);
    expect(text).toContain("Je aanmelding in A");
    expect(text).not.toContain("geheim-van-a");
    // Used up: the link is gone.
    expect((await owner.post(`/verify-email/${token}`, {})).status).toBe(410);
  });
});
