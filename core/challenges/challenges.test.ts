import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import type { Db } from "../kernel/tx.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { assignRole } from "./assignRole.ts";
import { changePhase } from "./changePhase.ts";
import { createChallenge } from "./createChallenge.ts";
import { deleteChallenge } from "./deleteChallenge.ts";
import { linkActivity } from "./linkActivity.ts";
import { getChallenge } from "./queries.ts";
import { rateChallenge } from "./rateChallenge.ts";
import { removeRating } from "./removeRating.ts";
import { removeRole } from "./removeRole.ts";
import { setAmbition } from "./setAmbition.ts";
import { unlinkActivity } from "./unlinkActivity.ts";
import { updateChallenge } from "./updateChallenge.ts";
import { LINK_COLUMN, LINK_KINDS, type LinkKind } from "./schema.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

let counter = 0;

/** One activity of each kind in the region, written directly: their own intents are tested elsewhere. */
async function makeActivities(db: Db, regionId: string): Promise<Record<LinkKind, string>> {
  const n = counter++;
  const idOf = (row: Promise<{ id: string }>) => row.then((r) => r.id);
  const harvest = await idOf(
    db
      .insertInto("harvests")
      .values({ region_id: regionId, slug: `oogst-${n}`, title: "Oogst" })
      .returning("id")
      .executeTakeFirstOrThrow(),
  );
  return {
    event: await idOf(
      db
        .insertInto("events")
        .values({
          region_id: regionId,
          slug: `bijeenkomst-${n}`,
          kind: "workshop",
          title: "Werkplaats zorg",
          mode: "online",
          starts_at: new Date(Date.now() + 86_400_000),
          ends_at: new Date(Date.now() + 90_000_000),
        })
        .returning("id")
        .executeTakeFirstOrThrow(),
    ),
    session: await idOf(
      db
        .insertInto("dialogue_sessions")
        .values({
          region_id: regionId,
          title: "Dialoog",
          content: JSON.stringify({}),
          join_code: `C${n.toString(36)}${Date.now().toString(36)}`
            .toUpperCase()
            .slice(0, 8)
            .padEnd(8, "X"),
          current_question_id: "q",
        })
        .returning("id")
        .executeTakeFirstOrThrow(),
    ),
    harvest,
    action: await idOf(
      db
        .insertInto("actions")
        .values({ region_id: regionId, harvest_id: harvest, title: "Actie" })
        .returning("id")
        .executeTakeFirstOrThrow(),
    ),
    coalition: await idOf(
      db
        .insertInto("coalitions")
        .values({ region_id: regionId, title: "Coalitie" })
        .returning("id")
        .executeTakeFirstOrThrow(),
    ),
  };
}

async function makeParties(db: Db, regionId: string) {
  const organisation = await db
    .insertInto("organisations")
    .values({ region_id: regionId, name: "ROC Rivierenland", sector: "mbo" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const employee = await db
    .insertInto("people")
    .values({
      region_id: regionId,
      organisation_id: organisation.id,
      name: "Anna de Vries",
      perspectives: ["education", "work"],
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const resident = await db
    .insertInto("people")
    .values({ region_id: regionId, name: "Bram Bewoner", perspectives: ["living"] })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { organisation: organisation.id, employee: employee.id, resident: resident.id };
}

async function newChallenge(scope: RegionScope, title = "Tekort aan zorgpersoneel") {
  const r = await createChallenge(scope, { title });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

const history = (db: Db, challengeId: string) =>
  db
    .selectFrom("challenge_phase_changes")
    .select(["from_phase", "to_phase", "reason"])
    .where("challenge_id", "=", challengeId)
    .orderBy("changed_at")
    .execute();

const challengeRow = (db: Db, id: string) =>
  db.selectFrom("challenges").selectAll().where("id", "=", id).executeTakeFirst();

describe("creating and describing a challenge", () => {
  it("starts in phase 1 with the first row of its phase history", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const c = await newChallenge(scope);
    expect(c.slug).toBe("tekort-aan-zorgpersoneel");
    const row = await challengeRow(t.db, c.id);
    expect(row).toMatchObject({ phase: 1, status: "active", published: false });
    expect(await history(t.db, c.id)).toEqual([{ from_phase: null, to_phase: 1, reason: "" }]);
  });

  it("gives a second challenge of the same title its own address, per region", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const other = await makeScope(t.db, "organiser");
    const first = await newChallenge(scope, "Leven lang ontwikkelen");
    const second = await newChallenge(scope, "Leven lang ontwikkelen");
    const elsewhere = await newChallenge(other.scope, "Leven lang ontwikkelen");
    expect(first.slug).toBe("leven-lang-ontwikkelen");
    expect(second.slug).toBe("leven-lang-ontwikkelen-2");
    expect(elsewhere.slug).toBe("leven-lang-ontwikkelen");
  });

  it("refuses bad input with a message per field", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const r = await createChallenge(scope, { title: "  ", status: "busy" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe("invalid");
    expect(r.fieldErrors?.title?.key).toBe("validation.required");
    expect(r.fieldErrors?.status?.key).toBe("validation.choice");
    const long = await createChallenge(scope, { title: "x".repeat(201) });
    expect(!long.ok && long.fieldErrors?.title?.key).toBe("validation.tooLong");
    expect(
      await t.db
        .selectFrom("challenges")
        .select("id")
        .where("region_id", "=", scope.regionId)
        .execute(),
    ).toEqual([]);
  });

  it("updates the description, status, publication and continuation", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const c = await newChallenge(scope);
    const r = await updateChallenge(scope, c.id, {
      title: "Tekort aan zorgpersoneel in de Betuwe",
      guidingQuestion: "Hoe houden we zorg nabij?",
      status: "paused",
      published: "on",
      continuationFunding: "Gemeente, 2027–2030",
    });
    expect(r).toEqual({ ok: true, value: null });
    expect(await challengeRow(t.db, c.id)).toMatchObject({
      title: "Tekort aan zorgpersoneel in de Betuwe",
      guiding_question: "Hoe houden we zorg nabij?",
      status: "paused",
      published: true,
      continuation_funding: "Gemeente, 2027–2030",
      // The address stays: the public page is reached through it.
      slug: "tekort-aan-zorgpersoneel",
    });
    const bad = await updateChallenge(scope, c.id, { title: "" });
    expect(!bad.ok && bad.fieldErrors?.title?.key).toBe("validation.required");
  });
});

describe("moving through the phases", () => {
  it("records each change with its reason and keeps the current phase the last change's", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const c = await newChallenge(scope);
    expect((await changePhase(scope, c.id, { phase: "2", reason: "Urgentie gedeeld" })).ok).toBe(
      true,
    );
    expect((await changePhase(scope, c.id, { phase: 4, reason: "Klaar voor borging" })).ok).toBe(
      true,
    );
    expect((await changePhase(scope, c.id, { phase: 3, reason: "Toch nog niet" })).ok).toBe(true);
    expect(await history(t.db, c.id)).toEqual([
      { from_phase: null, to_phase: 1, reason: "" },
      { from_phase: 1, to_phase: 2, reason: "Urgentie gedeeld" },
      { from_phase: 2, to_phase: 4, reason: "Klaar voor borging" },
      { from_phase: 4, to_phase: 3, reason: "Toch nog niet" },
    ]);
    expect((await challengeRow(t.db, c.id))?.phase).toBe(3);
  });

  it("requires a reason, a real phase and another phase than the current one", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const c = await newChallenge(scope);
    const noReason = await changePhase(scope, c.id, { phase: 2, reason: " " });
    expect(!noReason.ok && noReason.fieldErrors?.reason?.key).toBe("validation.required");
    const badPhase = await changePhase(scope, c.id, { phase: 5, reason: "Verder" });
    expect(!badPhase.ok && badPhase.fieldErrors?.phase?.key).toBe("validation.choice");
    const same = await changePhase(scope, c.id, { phase: 1, reason: "Nog eens" });
    expect(!same.ok && same.fieldErrors?.phase?.key).toBe("challenges.samePhase");
    expect(await history(t.db, c.id)).toHaveLength(1);
    expect((await challengeRow(t.db, c.id))?.phase).toBe(1);
  });
});

describe("linking activities", () => {
  it.each(LINK_KINDS)(
    "links a %s once, marked with the current phase, and unlinks it",
    async (kind) => {
      const { scope } = await makeScope(t.db, "organiser");
      const activities = await makeActivities(t.db, scope.regionId);
      const c = await newChallenge(scope);
      await changePhase(scope, c.id, { phase: 2, reason: "Netwerk vormen" });
      const id = activities[kind];
      expect(await linkActivity(scope, c.id, { kind, id })).toEqual({ ok: true, value: null });
      expect(await linkActivity(scope, c.id, { kind, id })).toEqual({ ok: true, value: null });
      const links = await t.db
        .selectFrom("challenge_links")
        .selectAll()
        .where("challenge_id", "=", c.id)
        .execute();
      expect(links).toHaveLength(1);
      expect(links[0]).toMatchObject({ phase: 2, [LINK_COLUMN[kind]]: id });

      expect((await unlinkActivity(scope, c.id, links[0]!.id)).ok).toBe(true);
      expect((await unlinkActivity(scope, c.id, links[0]!.id)).ok).toBe(false);
      expect(
        await t.db
          .selectFrom("challenge_links")
          .select("id")
          .where("challenge_id", "=", c.id)
          .execute(),
      ).toEqual([]);
    },
  );

  it("does not find another region's activity, an unknown kind or a made-up id", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const other = await makeScope(t.db, "organiser");
    const theirs = await makeActivities(t.db, other.scope.regionId);
    const c = await newChallenge(scope);
    for (const kind of LINK_KINDS) {
      const r = await linkActivity(scope, c.id, { kind, id: theirs[kind] });
      expect(!r.ok && r.kind).toBe("notFound");
    }
    const mine = await makeActivities(t.db, scope.regionId);
    const badKind = await linkActivity(scope, c.id, { kind: "publication", id: mine.event });
    expect(!badKind.ok && badKind.kind).toBe("notFound");
    const madeUp = await linkActivity(scope, c.id, { kind: "event", id: "not-an-id" });
    expect(!madeUp.ok && madeUp.kind).toBe("notFound");
    expect(
      await t.db
        .selectFrom("challenge_links")
        .select("id")
        .where("challenge_id", "=", c.id)
        .execute(),
    ).toEqual([]);
  });

  it("does not unlink another challenge's link", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const activities = await makeActivities(t.db, scope.regionId);
    const a = await newChallenge(scope, "A");
    const b = await newChallenge(scope, "B");
    await linkActivity(scope, a.id, { kind: "event", id: activities.event });
    const link = await t.db
      .selectFrom("challenge_links")
      .select("id")
      .where("challenge_id", "=", a.id)
      .executeTakeFirstOrThrow();
    const r = await unlinkActivity(scope, b.id, link.id);
    expect(!r.ok && r.kind).toBe("notFound");
  });
});

describe("urgency ratings", () => {
  const ratings = (challengeId: string) =>
    t.db
      .selectFrom("challenge_ratings")
      .selectAll()
      .where("challenge_id", "=", challengeId)
      .orderBy("created_at")
      .execute();

  it("keeps one rating per organisation, with the sector and perspective of the time", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const p = await makeParties(t.db, scope.regionId);
    const c = await newChallenge(scope);
    expect(
      (
        await rateChallenge(scope, c.id, {
          organisationId: p.organisation,
          urgency: 4,
          importance: 5,
          why: "Wachtlijsten",
        })
      ).ok,
    ).toBe(true);
    // A person of the organisation rates again for it: the organisation's rating is replaced.
    expect(
      (
        await rateChallenge(scope, c.id, {
          organisationId: p.organisation,
          personId: p.employee,
          urgency: "2",
          importance: "3",
        })
      ).ok,
    ).toBe(true);
    const rows = await ratings(c.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      organisation_id: p.organisation,
      person_id: p.employee,
      sector: "mbo",
      perspective: "education",
      urgency: 2,
      importance: 3,
      why: "",
    });

    // The organisation changes sector later: the rating keeps the sector it was given in.
    await t.db
      .updateTable("organisations")
      .set({ sector: "company" })
      .where("id", "=", p.organisation)
      .execute();
    expect((await ratings(c.id))[0]?.sector).toBe("mbo");
  });

  it("keeps one rating per person who rates on their own, apart from organisations", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const p = await makeParties(t.db, scope.regionId);
    const c = await newChallenge(scope);
    await rateChallenge(scope, c.id, { personId: p.resident, urgency: 5, importance: 5 });
    await rateChallenge(scope, c.id, { personId: p.resident, urgency: 3, importance: 4 });
    await rateChallenge(scope, c.id, { organisationId: p.organisation, urgency: 1, importance: 1 });
    const rows = await ratings(c.id);
    expect(
      rows.map((r) => [r.organisation_id, r.person_id, r.sector, r.perspective, r.urgency]),
    ).toEqual([
      [null, p.resident, null, "living", 3],
      [p.organisation, null, "mbo", null, 1],
    ]);
    expect((await removeRating(scope, c.id, rows[0]!.id)).ok).toBe(true);
    expect(await ratings(c.id)).toHaveLength(1);
  });

  it("refuses a level outside 1–5, a missing party and another region's party", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const other = await makeScope(t.db, "organiser");
    const p = await makeParties(t.db, scope.regionId);
    const theirs = await makeParties(t.db, other.scope.regionId);
    const c = await newChallenge(scope);
    const zero = await rateChallenge(scope, c.id, {
      organisationId: p.organisation,
      urgency: 0,
      importance: 3,
    });
    expect(!zero.ok && zero.fieldErrors?.urgency?.key).toBe("validation.choice");
    const six = await rateChallenge(scope, c.id, {
      organisationId: p.organisation,
      urgency: 3,
      importance: 6,
    });
    expect(!six.ok && six.fieldErrors?.importance?.key).toBe("validation.choice");
    const nobody = await rateChallenge(scope, c.id, { urgency: 3, importance: 3 });
    expect(!nobody.ok && nobody.fieldErrors?.organisationId?.key).toBe("challenges.partyRequired");
    const foreign = await rateChallenge(scope, c.id, {
      organisationId: theirs.organisation,
      urgency: 3,
      importance: 3,
    });
    expect(!foreign.ok && foreign.kind).toBe("notFound");
    expect(await ratings(c.id)).toEqual([]);
  });
});

describe("ambition and roles", () => {
  it("keeps every ambition setting as history", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const c = await newChallenge(scope);
    expect((await setAmbition(scope, c.id, { now: 1, desired: 3 })).ok).toBe(true);
    expect(
      (await setAmbition(scope, c.id, { now: "2", desired: "4", note: "Na de werkplaats" })).ok,
    ).toBe(true);
    const bad = await setAmbition(scope, c.id, { now: 0, desired: 6 });
    expect(!bad.ok && Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["desired", "now"]);
    const rows = await t.db
      .selectFrom("challenge_ambitions")
      .select(["now_level", "desired_level", "note"])
      .where("challenge_id", "=", c.id)
      .orderBy("recorded_at")
      .execute();
    expect(rows).toEqual([
      { now_level: 1, desired_level: 3, note: "" },
      { now_level: 2, desired_level: 4, note: "Na de werkplaats" },
    ]);
  });

  it("assigns a role to a party once, and removes it", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const p = await makeParties(t.db, scope.regionId);
    const c = await newChallenge(scope);
    expect(
      (await assignRole(scope, c.id, { role: "knowledgeBroker", organisationId: p.organisation }))
        .ok,
    ).toBe(true);
    expect(
      (await assignRole(scope, c.id, { role: "knowledgeBroker", organisationId: p.organisation }))
        .ok,
    ).toBe(true);
    expect(
      (await assignRole(scope, c.id, { role: "experientialExpert", personId: p.resident })).ok,
    ).toBe(true);
    const roles = () =>
      t.db
        .selectFrom("challenge_roles")
        .select(["id", "role"])
        .where("challenge_id", "=", c.id)
        .orderBy("role")
        .execute();
    const before = await roles();
    expect(before.map((r) => r.role)).toEqual(["experientialExpert", "knowledgeBroker"]);
    const noParty = await assignRole(scope, c.id, { role: "funder" });
    expect(!noParty.ok && noParty.fieldErrors?.organisationId?.key).toBe(
      "challenges.partyRequired",
    );
    expect((await removeRole(scope, c.id, before[0]!.id)).ok).toBe(true);
    expect((await removeRole(scope, c.id, before[0]!.id)).ok).toBe(false);
    expect((await roles()).map((r) => r.role)).toEqual(["knowledgeBroker"]);
  });
});

describe("deleting a challenge", () => {
  it("takes its history, links, ratings, roles and ambitions with it, and leaves the activities", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const p = await makeParties(t.db, scope.regionId);
    const activities = await makeActivities(t.db, scope.regionId);
    const c = await newChallenge(scope);
    await changePhase(scope, c.id, { phase: 2, reason: "Verder" });
    await linkActivity(scope, c.id, { kind: "event", id: activities.event });
    await rateChallenge(scope, c.id, { organisationId: p.organisation, urgency: 3, importance: 3 });
    await assignRole(scope, c.id, { role: "funder", organisationId: p.organisation });
    await setAmbition(scope, c.id, { now: 1, desired: 2 });

    // Unconfirmed, nothing goes.
    expect(await deleteChallenge(scope, c.id, { confirmed: false })).toMatchObject({
      ok: false,
      fieldErrors: { confirm: { key: "validation.required" } },
    });
    expect(await getChallenge(scope, c.id)).toBeDefined();
    expect(await deleteChallenge(scope, c.id, { confirmed: true })).toEqual({
      ok: true,
      value: null,
    });
    for (const table of [
      "challenge_phase_changes",
      "challenge_links",
      "challenge_ratings",
      "challenge_roles",
      "challenge_ambitions",
    ] as const) {
      const left = await t.db
        .selectFrom(table)
        .select("id")
        .where("challenge_id", "=", c.id)
        .execute();
      expect(left, table).toEqual([]);
    }
    expect(await challengeRow(t.db, c.id)).toBeUndefined();
    expect(
      await t.db.selectFrom("events").select("id").where("id", "=", activities.event).execute(),
    ).toHaveLength(1);
  });
});

describe("who may do what", () => {
  /** Every intent on one challenge, with input that would otherwise succeed. */
  async function everyIntent(scope: RegionScope, challengeId: string, regionId: string) {
    const p = await makeParties(t.db, regionId);
    const activities = await makeActivities(t.db, regionId);
    const rating = await t.db
      .insertInto("challenge_ratings")
      .values({
        challenge_id: challengeId,
        organisation_id: p.organisation,
        urgency: 3,
        importance: 3,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const role = await t.db
      .insertInto("challenge_roles")
      .values({ challenge_id: challengeId, role: "funder", person_id: p.resident })
      .returning("id")
      .executeTakeFirstOrThrow();
    const link = await t.db
      .insertInto("challenge_links")
      .values({ challenge_id: challengeId, phase: 1, action_id: activities.action })
      .returning("id")
      .executeTakeFirstOrThrow();
    return {
      updateChallenge: () => updateChallenge(scope, challengeId, { title: "Anders" }),
      changePhase: () => changePhase(scope, challengeId, { phase: 2, reason: "Verder" }),
      linkActivity: () => linkActivity(scope, challengeId, { kind: "event", id: activities.event }),
      unlinkActivity: () => unlinkActivity(scope, challengeId, link.id),
      rateChallenge: () =>
        rateChallenge(scope, challengeId, {
          organisationId: p.organisation,
          urgency: 5,
          importance: 5,
        }),
      removeRating: () => removeRating(scope, challengeId, rating.id),
      setAmbition: () => setAmbition(scope, challengeId, { now: 2, desired: 3 }),
      assignRole: () =>
        assignRole(scope, challengeId, { role: "initiator", organisationId: p.organisation }),
      removeRole: () => removeRole(scope, challengeId, role.id),
      deleteChallenge: () => deleteChallenge(scope, challengeId, { confirmed: true }),
    };
  }

  const snapshot = async (challengeId: string) => ({
    challenge: await challengeRow(t.db, challengeId),
    history: await history(t.db, challengeId),
    links: await t.db
      .selectFrom("challenge_links")
      .selectAll()
      .where("challenge_id", "=", challengeId)
      .execute(),
    ratings: await t.db
      .selectFrom("challenge_ratings")
      .selectAll()
      .where("challenge_id", "=", challengeId)
      .execute(),
    roles: await t.db
      .selectFrom("challenge_roles")
      .selectAll()
      .where("challenge_id", "=", challengeId)
      .execute(),
    ambitions: await t.db
      .selectFrom("challenge_ambitions")
      .selectAll()
      .where("challenge_id", "=", challengeId)
      .execute(),
  });

  it("lets a facilitator follow but not change a challenge", async () => {
    const { scope, region, user } = await makeScope(t.db, "organiser");
    const c = await newChallenge(scope);
    const facilitator: RegionScope = { ...scope, userId: user.id, role: "facilitator" };
    const created = await createChallenge(facilitator, { title: "Nieuw" });
    expect(!created.ok && created.kind).toBe("forbidden");
    const intents = await everyIntent(facilitator, c.id, region.id);
    const before = await snapshot(c.id);
    for (const [name, run] of Object.entries(intents)) {
      const r = await run();
      expect(!r.ok && r.kind, name).toBe("forbidden");
    }
    expect(await snapshot(c.id)).toEqual(before);
  });

  it("answers 'not found' to another region's organiser for every intent", async () => {
    const { scope, region } = await makeScope(t.db, "organiser");
    const other = await makeScope(t.db, "admin");
    const c = await newChallenge(scope);
    const intents = await everyIntent(other.scope, c.id, region.id);
    const before = await snapshot(c.id);
    for (const [name, run] of Object.entries(intents)) {
      const r = await run();
      expect(!r.ok && r.kind, name).toBe("notFound");
    }
    expect(await snapshot(c.id)).toEqual(before);
  });
});
