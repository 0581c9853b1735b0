import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope, makeUser } from "../../test/fixtures.ts";
import { acceptInvitation } from "./acceptInvitation.ts";
import { inviteMember } from "./inviteMember.ts";

/**
 * An invitation is read and then claimed: the read must hold until the claim. Only PostgreSQL
 * can show it (PGlite is one connection, one transaction after the other); without
 * TEST_DATABASE_URL these tests are skipped.
 */
describe.runIf(process.env.TEST_DATABASE_URL)("invitations under concurrency", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.dispose();
  });
  const opts = { publicUrl: "http://localhost:3000", locale: "nl" as const };

  it("does not report a membership it did not give when the invitation is revoked meanwhile", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const invitee = await makeUser(t.db);
    const invited = await inviteMember(scope, { email: invitee.email, role: "organiser" }, opts);
    if (!invited.ok) throw new Error("setup");
    const token = invited.value.link.split("/invitation/")[1]!;

    let accepting: ReturnType<typeof acceptInvitation> | undefined;
    await t.db.transaction().execute(async (trx) => {
      // An admin revokes while the invitee's click is on its way.
      await trx.deleteFrom("invitations").where("id", "=", invited.value.invitationId).execute();
      accepting = acceptInvitation(t.db, token, invitee.id, {}, opts);
      await sleep(300);
    });
    const result = await accepting;
    const membership = await t.db
      .selectFrom("memberships")
      .select("role")
      .where("region_id", "=", scope.regionId)
      .where("user_id", "=", invitee.id)
      .executeTakeFirst();
    expect(membership).toBeUndefined();
    expect(result).toMatchObject({ ok: false, kind: "gone" });
  });
});
