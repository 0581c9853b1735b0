import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope, makeUser } from "../../test/fixtures.ts";
import { makeEvent } from "../../test/harvest.ts";
import { assignRole } from "../challenges/assignRole.ts";
import { changePhase } from "../challenges/changePhase.ts";
import { createChallenge } from "../challenges/createChallenge.ts";
import { linkActivity } from "../challenges/linkActivity.ts";
import { rateChallenge } from "../challenges/rateChallenge.ts";
import { setAmbition } from "../challenges/setAmbition.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { anonymisedPerson } from "../people/anonymise.ts";
import { exportRegion, type RegionExport } from "./exportRegion.ts";
import { importRegion } from "./importRegion.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const must = async (r: Promise<{ ok: boolean }>) => expect((await r).ok).toBe(true);

/** A challenge with every kind of thing hanging off it: history, a link, ratings, roles, ambitions. */
async function challengeWithContent(scope: RegionScope, orgId: string) {
  const created = await createChallenge(scope, {
    title: "Genoeg zorgpersoneel",
    whyUrgent: "Vacatures blijven open.",
    forWhom: "Ouderen in de wijk",
    guidingQuestion: "Hoe houden we de wijkzorg overeind?",
    geography: "Tiel, Culemborg",
    owners: "Gemeente Tiel",
    published: "on",
    continuationFunding: "Regiodeal",
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const id = created.value.id;
  const person = await t.db
    .selectFrom("people")
    .select("id")
    .where("region_id", "=", scope.regionId)
    .where("name", "=", "Bewoner zonder organisatie")
    .executeTakeFirstOrThrow();
  const event = await makeEvent(scope, "Werkplaats zorg");
  await must(linkActivity(scope, id, { kind: "event", id: event.id }));
  await must(changePhase(scope, id, { phase: "2", reason: "Partners gevonden" }));
  await must(
    rateChallenge(scope, id, {
      organisationId: orgId,
      urgency: "5",
      importance: "4",
      why: "Krapte",
    }),
  );
  await must(rateChallenge(scope, id, { personId: person.id, urgency: "3", importance: "5" }));
  await must(assignRole(scope, id, { role: "initiator", organisationId: orgId }));
  await must(
    assignRole(scope, id, {
      role: "Wijkverpleegkundige",
      personId: person.id,
      note: "Uit de buurt",
    }),
  );
  await must(setAmbition(scope, id, { now: "2", desired: "4", note: "Start" }));
  await must(setAmbition(scope, id, { now: "3", desired: "4" }));
  await createChallenge(scope, { title: "Kandidaat zonder meer", status: "candidate" });
}

async function regionWithContent() {
  const { region, user, scope } = await makeScope(t.db, "admin");
  await t.db
    .updateTable("regions")
    .set({
      challenges: "Genoeg personeel\nBestaanszekerheid",
      logo: PNG,
      logo_mime: "image/png",
      stale_after_weeks: 4,
      phase_max_months: 9,
      challenge_roles: JSON.stringify(["initiator", "Wijkverpleegkundige"]),
    })
    .where("id", "=", region.id)
    .execute();
  const org = await t.db
    .insertInto("organisations")
    .values({
      region_id: region.id,
      name: "ROC Rivierenland",
      sector: "mbo",
      website: "https://roc.example.nl",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("organisations")
    .values({ region_id: region.id, name: "Gemeente Tiel", sector: "government" })
    .execute();
  await t.db
    .insertInto("people")
    .values([
      {
        region_id: region.id,
        organisation_id: org.id,
        name: "Anna de Vries",
        email: "anna@example.org",
        perspectives: ["education", "work"],
        expertise: ["praktijkleren"],
      },
      {
        region_id: region.id,
        organisation_id: null,
        name: "Bewoner zonder organisatie",
        email: null,
        perspectives: ["living"],
        expertise: [],
      },
      {
        region_id: region.id,
        organisation_id: null,
        name: anonymisedPerson().name,
        email: null,
        erased_at: new Date("2026-01-02T03:04:05Z"),
      },
    ])
    .execute();
  await t.db
    .insertInto("invitations")
    .values({
      region_id: region.id,
      email: `uitgenodigd-${region.slug}@example.org`,
      role: "member",
      token_hash: `hash-${region.slug}`,
      invited_by: user.id,
      expires_at: new Date(Date.now() + 86_400_000),
    })
    .execute();
  await challengeWithContent(scope, org.id);
  return { region, user };
}

async function exported(slug: string): Promise<RegionExport> {
  const doc = await exportRegion(t.db, slug);
  expect(doc).not.toBeNull();
  return JSON.parse(JSON.stringify(doc)) as RegionExport;
}

const regionCount = async () =>
  Number(
    (
      await t.db
        .selectFrom("regions")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("export and import of a region", () => {
  it("exports settings, organisations, people, members and invitations, but nothing to sign in with", async () => {
    const { region, user } = await regionWithContent();
    const doc = await exported(region.slug);
    expect(doc).toMatchObject({ format: "lerende-regio/region", version: 1 });
    expect(doc.region.logo).toBe(Buffer.from(PNG).toString("base64"));
    expect(doc.organisations.map((o) => o.name)).toEqual(["Gemeente Tiel", "ROC Rivierenland"]);
    expect(doc.people).toHaveLength(3);
    expect(doc.memberships).toEqual([{ email: user.email, name: user.name, role: "admin" }]);
    expect(doc.invitations.map((i) => i.email)).toEqual([`uitgenodigd-${region.slug}@example.org`]);
    expect(JSON.stringify(doc)).not.toMatch(/scrypt\$|token|hash|password/i);
  });

  it("round-trips into a new slug with the same organisations, people, links and look", async () => {
    const { region, user } = await regionWithContent();
    const doc = await exported(region.slug);
    const result = await importRegion(t.db, doc, { slug: `${region.slug}-kopie` });
    expect(result).toMatchObject({
      ok: true,
      value: {
        organisations: 2,
        people: 3,
        memberships: 1,
        skippedMembers: [],
        skippedInvitations: [`uitgenodigd-${region.slug}@example.org`],
        challenges: 2,
        // The event is not part of the export: its link has nothing to point at in the copy.
        skippedLinks: 1,
      },
    });
    const copy = await exported(`${region.slug}-kopie`);
    // Ids are new; what a person, rating or role names must still be the same party by name.
    const comparable = (d: RegionExport) => {
      const orgName = new Map(d.organisations.map((o) => [o.ref, o.name]));
      const personName = new Map(d.people.map((p) => [p.ref, p.name]));
      const parties = <P extends { organisationRef: string | null; personRef: string | null }>(
        p: P,
      ) => ({
        ...p,
        organisationRef: p.organisationRef && orgName.get(p.organisationRef),
        personRef: p.personRef && personName.get(p.personRef),
      });
      return {
        ...d,
        exportedAt: "",
        region: { ...d.region, slug: "" },
        organisations: d.organisations.map((o) => ({ ...o, ref: "" })),
        people: d.people.map((p) => ({
          ...p,
          ref: "",
          organisationRef: p.organisationRef && orgName.get(p.organisationRef),
        })),
        invitations: [],
        challenges: d.challenges.map((c) => ({
          ...c,
          createdAt: "",
          links: [],
          ratings: c.ratings.map(parties),
          roles: c.roles.map(parties),
        })),
      };
    };
    expect(comparable(copy)).toEqual(comparable(doc));
    const [challenge] = doc.challenges.filter((c) => c.title === "Genoeg zorgpersoneel");
    expect(challenge).toMatchObject({
      phase: 2,
      published: true,
      links: [{ kind: "event", title: "Werkplaats zorg", phase: 1 }],
      phaseChanges: [
        { from: null, to: 1, changedBy: user.email },
        { from: 1, to: 2, reason: "Partners gevonden", changedBy: user.email },
      ],
      ambitions: [
        { now: 2, desired: 4, note: "Start", setBy: user.email },
        { now: 3, desired: 4 },
      ],
    });
    expect(challenge!.ratings).toHaveLength(2);
    expect(challenge!.roles).toHaveLength(2);
    expect(copy.region).toMatchObject({
      staleAfterWeeks: 4,
      phaseMaxMonths: 9,
      challengeRoles: ["initiator", "Wijkverpleegkundige"],
    });
    expect(copy.invitations).toEqual([]);
    const original = await t.db
      .selectFrom("organisations")
      .select("id")
      .where("region_id", "=", region.id)
      .execute();
    expect(copy.organisations.some((o) => original.some((r) => r.id === o.ref))).toBe(false);
    const member = await t.db
      .selectFrom("memberships")
      .select("role")
      .where("user_id", "=", user.id)
      .where("region_id", "!=", region.id)
      .executeTakeFirst();
    expect(member?.role).toBe("admin");
  });

  it("takes the new slug as the slug form takes it, and refuses one that cannot be a slug", async () => {
    const { region } = await regionWithContent();
    const doc = await exported(region.slug);
    const upper = await importRegion(t.db, doc, { slug: ` ${region.slug.toUpperCase()}-NIEUW ` });
    expect(upper).toMatchObject({ ok: true, value: { slug: `${region.slug}-nieuw` } });
    expect(await importRegion(t.db, doc, { slug: "met spatie" })).toMatchObject({
      ok: false,
      error: { key: "regionImport.badSlug" },
    });
  });

  it("refuses an existing slug and writes nothing", async () => {
    const { region } = await regionWithContent();
    const doc = await exported(region.slug);
    const before = await regionCount();
    expect(await importRegion(t.db, doc)).toMatchObject({
      ok: false,
      error: { key: "regionImport.slugTaken", values: { slug: region.slug } },
    });
    expect(await regionCount()).toBe(before);
  });

  it("refuses a file with text the database cannot store, and writes nothing (issue 17)", async () => {
    const { region } = await regionWithContent();
    const doc = await exported(region.slug);
    const before = await regionCount();
    for (const odd of ["Nul\u0000teken", "half \ud800 paar"]) {
      const edited = JSON.parse(JSON.stringify(doc)) as typeof doc;
      edited.organisations[0]!.name = odd;
      expect(await importRegion(t.db, edited, { slug: `${region.slug}-raar` })).toMatchObject({
        ok: false,
        error: { key: "regionImport.characters" },
      });
    }
    expect(await regionCount()).toBe(before);
  });

  it("names every problem of a hand-edited file, and writes nothing", async () => {
    const { region } = await regionWithContent();
    const doc = await exported(region.slug);
    const before = await regionCount();
    const broken = {
      ...doc,
      region: { ...doc.region, logo: Buffer.from("<svg onload=alert(1)>").toString("base64") },
      organisations: [
        { ...doc.organisations[0]!, website: "javascript:alert(1)" },
        { ...doc.organisations[1]!, name: doc.organisations[0]!.name.toUpperCase() },
      ],
      people: [
        { ...doc.people[0]!, email: "not an address" },
        { ...doc.people[1]!, organisationRef: "nowhere" },
        { ...doc.people[2]!, name: "x".repeat(201) },
      ],
    };
    const result = await importRegion(t.db, broken, { slug: "elders" });
    expect(result).toMatchObject({ ok: false, error: { key: "regionImport.invalid" } });
    const details = result.ok ? "" : String(result.error.values?.details);
    expect(details).toContain("region.logo: is not a PNG, JPEG or WebP image");
    expect(details).toContain("organisations.0.website:");
    expect(details).toContain("people.0.email: Enter a valid e-mail address");
    expect(details).toContain("people.2.name: Use at most 200 characters.");
    expect(await regionCount()).toBe(before);

    const crossed = await importRegion(
      t.db,
      {
        ...doc,
        organisations: [
          doc.organisations[1]!,
          { ...doc.organisations[0]!, name: "roc rivierenland" },
        ],
        people: [doc.people[0]!, { ...doc.people[1]!, organisationRef: "nowhere" }],
      },
      { slug: "elders" },
    );
    const crossedDetails = crossed.ok ? "" : String(crossed.error.values?.details);
    expect(crossedDetails).toContain('organisations.1.name: the organisation "roc rivierenland"');
    expect(crossedDetails).toContain("people.1.organisationRef: names no organisation");
    expect(await importRegion(t.db, { format: "something else" })).toMatchObject({
      ok: false,
      error: { key: "regionImport.invalid" },
    });
    expect(await regionCount()).toBe(before);
  });

  it("refuses challenges whose ratings or roles name parties the file lacks, or whose phase is not its history's", async () => {
    const { region } = await regionWithContent();
    const doc = await exported(region.slug);
    const c = doc.challenges.find((x) => x.ratings.length > 0)!;
    c.ratings[0] = { ...c.ratings[0]!, organisationRef: "nowhere" };
    c.roles[0] = { ...c.roles[0]!, organisationRef: null, personRef: null };
    c.phase = 4;
    const before = await regionCount();
    const result = await importRegion(t.db, doc, { slug: `${region.slug}-fout` });
    const details = result.ok ? "" : String(result.error.values?.details);
    const i = doc.challenges.indexOf(c);
    expect(details).toContain(`challenges.${i}.ratings.0.organisationRef: names no organisation`);
    expect(details).toContain(`challenges.${i}.roles.0: names no organisation or person`);
    expect(details).toContain(`challenges.${i}.phase: is not the last phase change's`);
    expect(await regionCount()).toBe(before);
  });

  it("reads a file from before challenges, with the guard's defaults", async () => {
    const { region } = await regionWithContent();
    const doc = await exported(region.slug);
    const old: Record<string, unknown> = {
      ...doc,
      region: { ...doc.region },
      people: doc.people.map(({ ref: _ref, ...p }) => p),
    };
    delete old.challenges;
    for (const key of ["staleAfterWeeks", "phaseMaxMonths", "challengeRoles"])
      delete (old.region as Record<string, unknown>)[key];
    const slug = `${region.slug}-oud`;
    expect(await importRegion(t.db, old, { slug })).toMatchObject({
      ok: true,
      value: { challenges: 0 },
    });
    expect((await exported(slug)).region).toMatchObject({
      staleAfterWeeks: 6,
      phaseMaxMonths: 6,
      challengeRoles: [
        "initiator",
        "knowledgeBroker",
        "bridgeBuilder",
        "experientialExpert",
        "funder",
        "processLead",
      ],
    });
  });

  it("brings an erased person back erased, whatever the file says about them", async () => {
    const { region } = await regionWithContent();
    const doc = await exported(region.slug);
    const erased = doc.people.find((p) => p.erasedAt !== null)!;
    Object.assign(erased, { email: "terug@example.org", expertise: ["onthuld"] });
    const slug = `${region.slug}-gewist`;
    expect((await importRegion(t.db, doc, { slug })).ok).toBe(true);
    const copy = await exported(slug);
    expect(copy.people.find((p) => p.erasedAt !== null)).toMatchObject({
      email: null,
      expertise: [],
      erasedAt: "2026-01-02T03:04:05.000Z",
    });
  });

  it("lists members without an account here instead of inventing accounts", async () => {
    const { region } = await regionWithContent();
    const other = await makeUser(t.db);
    const doc = await exported(region.slug);
    doc.memberships.push(
      { email: "nog-geen-account@example.org", name: "Nieuw", role: "organiser" },
      { email: other.email.toUpperCase(), name: other.name, role: "facilitator" },
    );
    const result = await importRegion(t.db, doc, { slug: `${region.slug}-elders` });
    expect(result).toMatchObject({
      ok: true,
      value: { memberships: 2, skippedMembers: ["nog-geen-account@example.org"] },
    });
    expect(
      await t.db
        .selectFrom("users")
        .select("id")
        .where("email", "=", "nog-geen-account@example.org")
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it("moves a region with thousands of people", async () => {
    const { region } = await regionWithContent();
    const doc = await exported(region.slug);
    doc.people = Array.from({ length: 2500 }, (_, i) => ({
      ref: `p${i}`,
      name: `Persoon ${i}`,
      email: `persoon-${i}@example.org`,
      organisationRef: doc.organisations[i % 2]!.ref,
      perspectives: ["work"],
      expertise: [],
      erasedAt: null,
    }));
    // The challenges' ratings name the people replaced above.
    doc.challenges = [];
    const result = await importRegion(t.db, doc, { slug: `${region.slug}-groot` });
    expect(result).toMatchObject({ ok: true, value: { people: 2500 } });
    expect((await exported(`${region.slug}-groot`)).people).toHaveLength(2500);
  });
});
