import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope, makeUser, TEST_PASSWORD } from "../../test/fixtures.ts";
import { createLoginLimiter } from "../accounts/loginLimiter.ts";
import { assignRole } from "../challenges/assignRole.ts";
import { changePhase } from "../challenges/changePhase.ts";
import { createChallenge } from "../challenges/createChallenge.ts";
import { rateChallenge } from "../challenges/rateChallenge.ts";
import { setAmbition } from "../challenges/setAmbition.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { erasePerson } from "../people/erasePerson.ts";
import { exportPerson } from "../people/exportPerson.ts";
import { eraseAccount } from "./eraseAccount.ts";
import { exportMyData } from "./exportMyData.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const must = async (r: Promise<{ ok: boolean }>) => expect((await r).ok).toBe(true);

/**
 * A region where Mira (an account, organiser, and a person record with her address) moved a
 * challenge's phase and set its ambition, rated it for her organisation and on her own, and
 * plays a role for her organisation and one on her own; her organisation also plays the
 * initiator role without her.
 */
async function world() {
  const { scope: admin, region } = await makeScope(t.db, "admin");
  const me = await makeUser(t.db, { name: "Mira Jansen" });
  await t.db
    .insertInto("memberships")
    .values({ user_id: me.id, region_id: region.id, role: "organiser" })
    .execute();
  const mine: RegionScope = { db: t.db, regionId: region.id, userId: me.id, role: "organiser" };
  const org = await t.db
    .insertInto("organisations")
    .values({ region_id: region.id, name: "Wijkteam Oost", sector: "social" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const person = await t.db
    .insertInto("people")
    .values({
      region_id: region.id,
      organisation_id: org.id,
      name: "Mira Jansen",
      email: me.email,
      perspectives: ["living"],
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const created = await createChallenge(mine, { title: "Eenzaamheid in de wijk" });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const id = created.value.id;
  const second = await createChallenge(admin, { title: "Schuldhulp dichtbij" });
  if (!second.ok) throw new Error(JSON.stringify(second));
  await must(changePhase(mine, id, { phase: "2", reason: "Netwerk is er" }));
  await must(setAmbition(mine, id, { now: "2", desired: "3" }));
  await must(
    rateChallenge(admin, id, {
      organisationId: org.id,
      personId: person.id,
      urgency: "4",
      importance: "4",
      why: "Zien we elke dag",
    }),
  );
  await must(
    rateChallenge(admin, second.value.id, {
      personId: person.id,
      urgency: "5",
      importance: "3",
      why: "Mijn buurman",
    }),
  );
  await must(
    assignRole(admin, id, { role: "bridgeBuilder", organisationId: org.id, personId: person.id }),
  );
  await must(assignRole(admin, id, { role: "initiator", organisationId: org.id }));
  await must(
    assignRole(admin, id, { role: "initiator", organisationId: org.id, personId: person.id }),
  );
  await must(
    assignRole(admin, second.value.id, {
      role: "experientialExpert",
      personId: person.id,
      note: "Zelf meegemaakt",
    }),
  );
  return { admin, region, me, org, person, challengeId: id, secondId: second.value.id };
}

const ratingsOf = (challengeId: string) =>
  t.db
    .selectFrom("challenge_ratings")
    .select(["organisation_id", "person_id", "perspective", "urgency", "why"])
    .where("challenge_id", "=", challengeId)
    .execute();
const rolesOf = (challengeId: string) =>
  t.db
    .selectFrom("challenge_roles")
    .select(["role", "organisation_id", "person_id"])
    .where("challenge_id", "=", challengeId)
    .orderBy("role")
    .execute();

describe("a person's challenge ratings and roles under the privacy rights", () => {
  it("are in the person's own data export and in the export an organiser makes of them", async () => {
    const w = await world();
    const mine = await exportMyData(t.db, w.me.id);
    expect(mine?.challengeRatings).toEqual([
      expect.objectContaining({
        personId: w.person.id,
        challenge: "Eenzaamheid in de wijk",
        organisation: "Wijkteam Oost",
        urgency: 4,
        why: "Zien we elke dag",
      }),
      expect.objectContaining({ challenge: "Schuldhulp dichtbij", organisation: null, urgency: 5 }),
    ]);
    expect(mine?.challengeRoles.map((r) => [r.challenge, r.role, r.organisation])).toEqual([
      ["Eenzaamheid in de wijk", "bridgeBuilder", "Wijkteam Oost"],
      ["Eenzaamheid in de wijk", "initiator", "Wijkteam Oost"],
      ["Schuldhulp dichtbij", "experientialExpert", null],
    ]);
    const byOrganiser = await exportPerson(w.admin, w.person.id);
    expect(byOrganiser.ok && byOrganiser.value.challengeRatings).toHaveLength(2);
    expect(byOrganiser.ok && byOrganiser.value.challengeRoles).toHaveLength(3);
    // Another person's export holds none of them.
    const other = await t.db
      .insertInto("people")
      .values({ region_id: w.region.id, name: "Iemand anders" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const theirs = await exportPerson(w.admin, other.id);
    expect(theirs.ok && [theirs.value.challengeRatings, theirs.value.challengeRoles]).toEqual([
      [],
      [],
    ]);
  });

  it("erasing the person keeps the organisation's rating and roles and removes what was theirs alone", async () => {
    const w = await world();
    await must(erasePerson(w.admin, w.person.id, { confirmed: true }));
    expect(await ratingsOf(w.challengeId)).toEqual([
      {
        organisation_id: w.org.id,
        person_id: null,
        perspective: null,
        urgency: 4,
        why: "Zien we elke dag",
      },
    ]);
    expect(await ratingsOf(w.secondId)).toEqual([]);
    // The organisation's initiator role was there without her already: one row stays, not two.
    expect(await rolesOf(w.challengeId)).toEqual([
      { role: "bridgeBuilder", organisation_id: w.org.id, person_id: null },
      { role: "initiator", organisation_id: w.org.id, person_id: null },
    ]);
    expect(await rolesOf(w.secondId)).toEqual([]);
  });

  it("erasing the account does the same, and leaves the phase history and ambitions without a name", async () => {
    const w = await world();
    const result = await eraseAccount(t.db, createLoginLimiter(), w.me.id, {
      confirmEmail: w.me.email,
      password: TEST_PASSWORD,
    });
    expect(result).toMatchObject({ ok: true, value: { anonymisedPeople: 1 } });
    expect(await ratingsOf(w.secondId)).toEqual([]);
    expect(await rolesOf(w.secondId)).toEqual([]);
    expect((await ratingsOf(w.challengeId)).map((r) => r.person_id)).toEqual([null]);
    const changes = await t.db
      .selectFrom("challenge_phase_changes")
      .select(["to_phase", "reason", "changed_by"])
      .where("challenge_id", "=", w.challengeId)
      .orderBy("changed_at")
      .execute();
    expect(changes).toEqual([
      { to_phase: 1, reason: "", changed_by: null },
      { to_phase: 2, reason: "Netwerk is er", changed_by: null },
    ]);
    const ambitions = await t.db
      .selectFrom("challenge_ambitions")
      .select(["now_level", "desired_level", "set_by"])
      .where("challenge_id", "=", w.challengeId)
      .execute();
    expect(ambitions).toEqual([{ now_level: 2, desired_level: 3, set_by: null }]);
    const challenge = await t.db
      .selectFrom("challenges")
      .select(["phase", "created_by"])
      .where("id", "=", w.challengeId)
      .executeTakeFirstOrThrow();
    expect(challenge).toEqual({ phase: 2, created_by: null });
  });
});
