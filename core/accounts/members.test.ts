import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../db/schema.ts";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope, makeUser } from "../../test/fixtures.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { changeRole } from "./changeRole.ts";
import { findInvitation } from "./acceptInvitation.ts";
import { inviteMember } from "./inviteMember.ts";
import { listMembers, listPendingInvitations } from "./queries.ts";
import { removeMember } from "./removeMember.ts";
import { revokeInvitation } from "./revokeInvitation.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

async function addMember(scope: RegionScope, role: Role, name = "Lid") {
  const user = await makeUser(t.db, { name });
  await t.db
    .insertInto("memberships")
    .values({ user_id: user.id, region_id: scope.regionId, role })
    .execute();
  return user;
}

const roleOf = async (scope: RegionScope, userId: string) =>
  (
    await t.db
      .selectFrom("memberships")
      .select("role")
      .where("region_id", "=", scope.regionId)
      .where("user_id", "=", userId)
      .executeTakeFirst()
  )?.role;

describe("changeRole", () => {
  it("gives a member another role", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const member = await addMember(scope, "member");
    expect(await changeRole(scope, { userId: member.id, role: "organiser" })).toEqual({
      ok: true,
      value: { userId: member.id, role: "organiser" },
    });
    expect(await roleOf(scope, member.id)).toBe("organiser");
  });

  it("never demotes the last admin, not even at their own request", async () => {
    const { scope, user } = await makeScope(t.db, "admin");
    expect(await changeRole(scope, { userId: user.id, role: "organiser" })).toMatchObject({
      ok: false,
      error: { key: "members.lastAdminDemote" },
    });
    expect(await roleOf(scope, user.id)).toBe("admin");
  });

  it("lets an admin step down when another admin remains", async () => {
    const { scope, user } = await makeScope(t.db, "admin");
    const other = await addMember(scope, "admin");
    expect((await changeRole(scope, { userId: user.id, role: "member" })).ok).toBe(true);
    const otherScope: RegionScope = { ...scope, userId: other.id };
    expect(await changeRole(otherScope, { userId: other.id, role: "member" })).toMatchObject({
      ok: false,
      error: { key: "members.lastAdminDemote" },
    });
  });

  it("leaves one admin when two admins demote each other at the same moment", async () => {
    const { scope, user } = await makeScope(t.db, "admin");
    const other = await addMember(scope, "admin");
    const results = await Promise.all([
      changeRole(scope, { userId: other.id, role: "member" }),
      changeRole({ ...scope, userId: other.id }, { userId: user.id, role: "member" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const admins = (await listMembers(scope)).filter((m) => m.role === "admin");
    expect(admins).toHaveLength(1);
  });

  it("treats a member of another region, and a malformed id, as not found", async () => {
    const a = await makeScope(t.db, "admin");
    const b = await makeScope(t.db, "admin");
    const inB = await addMember(b.scope, "member");
    for (const userId of [inB.id, b.user.id, "not-an-id", "00000000-0000-0000-0000-000000000000"])
      expect(await changeRole(a.scope, { userId, role: "admin" })).toMatchObject({
        ok: false,
        error: { key: "errors.notFound" },
      });
    expect(await roleOf(b.scope, inB.id)).toBe("member");
  });

  it("refuses an unknown role with a message at the role", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const member = await addMember(scope, "member");
    expect(await changeRole(scope, { userId: member.id, role: "owner" })).toMatchObject({
      ok: false,
      fieldErrors: { role: { key: "validation.choice" } },
    });
  });

  it("is for admins only", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const member = await addMember(scope, "member");
    expect(await changeRole(scope, { userId: member.id, role: "admin" })).toMatchObject({
      ok: false,
      error: { key: "errors.forbidden" },
    });
  });
});

describe("removeMember", () => {
  it("ends a membership and keeps the account", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const member = await addMember(scope, "facilitator");
    expect((await removeMember(scope, { userId: member.id })).ok).toBe(true);
    expect(await roleOf(scope, member.id)).toBeUndefined();
    expect(
      await t.db.selectFrom("users").select("id").where("id", "=", member.id).executeTakeFirst(),
    ).toBeDefined();
  });

  it("never removes the last admin", async () => {
    const { scope, user } = await makeScope(t.db, "admin");
    await addMember(scope, "organiser");
    expect(await removeMember(scope, { userId: user.id })).toMatchObject({
      ok: false,
      error: { key: "members.lastAdminRemove" },
    });
    expect(await roleOf(scope, user.id)).toBe("admin");
  });

  it("removes an admin when another admin remains", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const other = await addMember(scope, "admin");
    expect((await removeMember(scope, { userId: other.id })).ok).toBe(true);
  });

  it("treats a member of another region as not found and leaves them alone", async () => {
    const a = await makeScope(t.db, "admin");
    const b = await makeScope(t.db, "admin");
    const inB = await addMember(b.scope, "member");
    expect(await removeMember(a.scope, { userId: inB.id })).toMatchObject({
      ok: false,
      error: { key: "errors.notFound" },
    });
    expect(await roleOf(b.scope, inB.id)).toBe("member");
  });

  it("is for admins only", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const member = await addMember(scope, "member");
    expect(await removeMember(scope, { userId: member.id })).toMatchObject({
      ok: false,
      error: { key: "errors.forbidden" },
    });
  });
});

describe("invitations", () => {
  const opts = { publicUrl: "http://localhost:3000", locale: "nl" as const };

  it("lists pending invitations and revokes one, so its link stops working", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const invited = await inviteMember(scope, { email: "nieuw@example.org", role: "member" }, opts);
    if (!invited.ok) throw new Error("invite failed");
    const pending = await listPendingInvitations(scope);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      id: invited.value.invitationId,
      email: "nieuw@example.org",
      role: "member",
      invitedBy: "Test User",
      expired: false,
    });
    expect(
      await revokeInvitation(scope, { invitationId: invited.value.invitationId }),
    ).toMatchObject({ ok: true });
    expect(await listPendingInvitations(scope)).toEqual([]);
    const token = invited.value.link.split("/invitation/")[1]!;
    expect(await findInvitation(t.db, token)).toBeNull();
  });

  it("treats another region's invitation as not found and leaves it", async () => {
    const a = await makeScope(t.db, "admin");
    const b = await makeScope(t.db, "admin");
    const invited = await inviteMember(b.scope, { email: "b@example.org", role: "member" }, opts);
    if (!invited.ok) throw new Error("invite failed");
    for (const invitationId of [invited.value.invitationId, "x' OR 1=1 --"])
      expect(await revokeInvitation(a.scope, { invitationId })).toMatchObject({
        ok: false,
        error: { key: "errors.notFound" },
      });
    expect(await listPendingInvitations(b.scope)).toHaveLength(1);
    expect(await listPendingInvitations(a.scope)).toHaveLength(0);
  });

  it("is for admins only", async () => {
    const admin = await makeScope(t.db, "admin");
    const invited = await inviteMember(
      admin.scope,
      { email: "c@example.org", role: "member" },
      opts,
    );
    if (!invited.ok) throw new Error("invite failed");
    const organiser: RegionScope = { ...admin.scope, role: "organiser" };
    expect(
      await revokeInvitation(organiser, { invitationId: invited.value.invitationId }),
    ).toMatchObject({ ok: false, error: { key: "errors.forbidden" } });
  });
});

describe("listMembers", () => {
  it("lists only this region's members, admins first", async () => {
    const { scope, user } = await makeScope(t.db, "admin");
    await addMember(scope, "member", "Anna");
    const other = await makeScope(t.db, "admin");
    await addMember(other.scope, "member", "Elders");
    const members = await listMembers(scope);
    expect(members.map((m) => m.userId)[0]).toBe(user.id);
    expect(members.map((m) => m.name)).toEqual(["Test User", "Anna"]);
  });
});
