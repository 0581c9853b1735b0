import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope, makeUser } from "../../test/fixtures.ts";
import { createAction } from "../actions/createAction.ts";
import { assignRole } from "../challenges/assignRole.ts";
import { createChallenge } from "../challenges/createChallenge.ts";
import { linkActivity } from "../challenges/linkActivity.ts";
import { unlinkActivity } from "../challenges/unlinkActivity.ts";
import { addMember } from "../coalitions/addMember.ts";
import { decideMember } from "../coalitions/decideMember.ts";
import { createCoalition } from "../coalitions/createCoalition.ts";
import { createSession } from "../dialogue/createSession.ts";
import { joinSession } from "../dialogue/joinSession.ts";
import { removeParticipants } from "../dialogue/removeParticipants.ts";
import { splitGroups } from "../dialogue/splitGroups.ts";
import { setCheckedIn } from "../events/setCheckedIn.ts";
import type { Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { addPerson } from "../people/addPerson.ts";
import { createOrganisation } from "../people/createOrganisation.ts";
import { erasePerson } from "../people/erasePerson.ts";
import { updateOrganisation } from "../people/updateOrganisation.ts";
import { networkOf, type Network } from "./network.ts";
import { recordTie } from "./recordTie.ts";
import { removeTie } from "./removeTie.ts";

/**
 * The network as the production path makes it: rows written by the capabilities' own intents
 * (check-in, group split, coalition members, roles, actions, erasure) on a real database, read
 * through the cached `networkOf`. Each test has a region of its own, so the cache (keyed by
 * region) never carries one test's network into another.
 */

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const DAY = 86_400_000;
let counter = 0;

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

const p = (id: string) => `p:${id}`;
const o = (id: string) => `o:${id}`;

/** The tie between two nodes, or undefined. */
function tie(network: Network, a: string, b: string) {
  const key = network.graph.hasNode(a) && network.graph.hasNode(b) && network.graph.edge(a, b);
  return key ? network.graph.getEdgeAttributes(key) : undefined;
}

const labels = (network: Network) =>
  network.graph.mapNodes((_n, a) => a.label).sort((x, y) => x.localeCompare(y));

/** A region and the intents that fill it, as a coordinator would. */
async function region(role: "organiser" | "admin" = "organiser") {
  const { scope, region } = await makeScope(t.db, role);
  const people = (q: Omit<Parameters<typeof networkOf>[2], "level"> = {}) =>
    networkOf(t.db, scope.regionId, { level: "people", ...q });
  const organisations = (q: Omit<Parameters<typeof networkOf>[2], "level"> = {}) =>
    networkOf(t.db, scope.regionId, { level: "organisations", ...q });
  return {
    scope,
    region,
    people,
    organisations,
    organisation: async (name: string, sector: string) =>
      must(await createOrganisation(scope, { name, sector })).id,
    person: async (
      name: string,
      opts: { email?: string; organisationId?: string; perspectives?: string[] } = {},
    ) =>
      must(
        await addPerson(scope, {
          name,
          email: opts.email ?? "",
          organisationId: opts.organisationId ?? "",
          perspectives: opts.perspectives ?? [],
        }),
      ).id,
    event: async (startsAt = new Date(Date.now() - 7 * DAY)) =>
      (
        await t.db
          .insertInto("events")
          .values({
            region_id: scope.regionId,
            slug: `werkplaats-${counter++}`,
            kind: "workshop",
            title: "Werkplaats",
            mode: "on_site",
            starts_at: startsAt,
            ends_at: new Date(startsAt.getTime() + 3 * 3_600_000),
            status: "published",
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
    /** A confirmed registration as the public form leaves it (register.ts is tested elsewhere). */
    register: async (eventId: string, email: string, organisation = "") =>
      (
        await t.db
          .insertInto("registrations")
          .values({
            event_id: eventId,
            region_id: scope.regionId,
            email,
            name: email.split("@")[0]!,
            organisation,
            status: "confirmed",
            consent_at: new Date(),
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id,
    checkIn: async (eventId: string, registrationId: string, present = true) =>
      must(await setCheckedIn(scope, eventId, registrationId, present)),
  };
}

type Region = Awaited<ReturnType<typeof region>>;

/** Registered and checked in at the door. */
async function attend(r: Region, eventId: string, ...emails: string[]) {
  for (const email of emails) await r.checkIn(eventId, await r.register(eventId, email));
}

describe("ties from attendance", () => {
  it("ties two people of the register only once both are checked in, and drops it on undo", async () => {
    const r = await region();
    const roc = await r.organisation("ROC Rivierenland", "mbo");
    const tiel = await r.organisation("Gemeente Tiel", "government");
    const ann = await r.person("Ann Smit", { email: "ann@example.org", organisationId: roc });
    const bob = await r.person("Bob Bakker", { email: "bob@example.org" });
    const event = await r.event();
    // Matched by address without regard to case; the stranger is known only by organisation.
    const regAnn = await r.register(event, "ANN@Example.org");
    const regBob = await r.register(event, "bob@example.org");
    const regStranger = await r.register(event, "xavier@example.org", "  gemeente tiel ");

    const registeredOnly = await r.people();
    expect(registeredOnly.graph.order).toBe(0);
    expect((await r.organisations()).graph.order).toBe(0);

    await r.checkIn(event, regAnn);
    const oneIn = await r.people();
    expect(oneIn.graph.hasNode(p(ann))).toBe(true);
    expect(oneIn.graph.getNodeAttribute(p(ann), "occasions")).toBe(1);
    expect(oneIn.graph.hasNode(p(bob))).toBe(false);
    expect(oneIn.graph.size).toBe(0);

    await r.checkIn(event, regBob);
    await r.checkIn(event, regStranger);
    const bothIn = await r.people();
    expect(tie(bothIn, p(ann), p(bob))).toMatchObject({ kinds: ["event"], count: 1 });
    // The stranger is no person of the network, whatever their registration says.
    expect(labels(bothIn)).toEqual(["Ann Smit", "Bob Bakker"]);
    // … but their organisation, named as the register names it, is there.
    const orgs = await r.organisations();
    expect(tie(orgs, o(roc), o(tiel))).toMatchObject({ kinds: ["event"] });

    // Tapping again undoes a mistaken check-in, and the network follows.
    await r.checkIn(event, regBob, false);
    const undone = await r.people();
    expect(undone.graph.hasNode(p(bob))).toBe(false);
    expect(undone.graph.size).toBe(0);
  });

  it("does not tie people of another region who share an address with a registrant", async () => {
    const r = await region();
    const other = await region();
    await other.person("Ann Elders", { email: "ann@example.org" });
    await other.person("Bob Elders", { email: "bob@example.org" });
    const event = await r.event();
    await attend(r, event, "ann@example.org", "bob@example.org");
    expect((await r.people()).graph.order).toBe(0);
    expect((await other.people()).graph.order).toBe(0);
  });
});

describe("ties from dialogue groups", () => {
  it("ties the members of one group by name, never an anonymous participant or a shared name", async () => {
    const r = await region();
    const wijkteam = await r.organisation("Wijkteam Oost", "social");
    const ann = await r.person("Ann Smit");
    const bob = await r.person("Bob Bakker");
    const cas = await r.person("Cas Claes");
    const dirk = await r.person("Dirk Dekker");
    const eva1 = await r.person("Eva de Jong");
    const eva2 = await r.person("Eva de Jong");
    const session = must(
      await createSession(r.scope, { title: "Dialoog", template: "learning-region" }),
    );
    // "mixed" deals participants out sorted by sector, so distinct sectors make the groups
    // known: company, hbo, residents in group 1; government, mbo, social in group 2.
    const join = async (displayName: string, sector: string, organisation = "") =>
      must(await joinSession(t.db, session.joinCode, { displayName, sector, organisation }, null));
    await join("  ann smit ", "company");
    await join("Bob Bakker", "government");
    await join("Cas Claes", "hbo");
    await join("Dirk Dekker", "mbo");
    await join("Eva de Jong", "residents");
    await join("", "social", "Wijkteam Oost");

    // Joined, not yet in groups: nobody is tied.
    expect((await r.people()).graph.size).toBe(0);

    expect(must(await splitGroups(r.scope, session.id, { mode: "mixed", size: 3 }))).toEqual({
      groups: 2,
    });
    const net = await r.people();
    expect(tie(net, p(ann), p(cas))).toMatchObject({ kinds: ["dialogue"], count: 1 });
    expect(tie(net, p(bob), p(dirk))).toMatchObject({ kinds: ["dialogue"], count: 1 });
    expect(tie(net, p(ann), p(bob))).toBeUndefined();
    // Two people of the register share the name: it matches neither.
    expect(net.graph.hasNode(p(eva1))).toBe(false);
    expect(net.graph.hasNode(p(eva2))).toBe(false);
    expect(net.graph.order).toBe(4);
    // The anonymous participant's organisation does not appear either.
    expect((await r.organisations()).graph.hasNode(o(wijkteam))).toBe(false);
  });
});

describe("ties from coalitions, roles and actions", () => {
  it("ties coalition members (not the interested), people with roles, and organisations of an action", async () => {
    const r = await region();
    const roc = await r.organisation("ROC Rivierenland", "mbo");
    const tiel = await r.organisation("Gemeente Tiel", "government");
    const han = await r.organisation("Hogeschool Arnhem", "hbo");
    const wijk = await r.organisation("Wijkteam Oost", "social");
    const ann = await r.person("Ann Smit", { email: "ann@example.org", organisationId: roc });
    const bob = await r.person("Bob Bakker", { email: "bob@example.org", organisationId: han });
    const cas = await r.person("Cas Claes", { email: "cas@example.org" });
    const dirk = await r.person("Dirk Dekker");

    const coalition = must(await createCoalition(r.scope, { title: "Zorgcoalitie" })).id;
    must(await addMember(r.scope, coalition, { name: "Ann", email: "Ann@example.org" }));
    must(await addMember(r.scope, coalition, { name: "Bob", email: "bob@example.org" }));
    must(
      await addMember(r.scope, coalition, {
        name: "Iemand",
        email: "iemand@example.org",
        organisation: "wijkteam oost",
      }),
    );
    // Interest from the public agenda is not membership (yet).
    await t.db
      .insertInto("coalition_members")
      .values({
        coalition_id: coalition,
        name: "Cas",
        email: "cas@example.org",
        status: "interested",
      })
      .execute();

    const challenge = must(await createChallenge(r.scope, { title: "Zorgpersoneel" })).id;
    must(await assignRole(r.scope, challenge, { role: "initiator", personId: dirk }));
    must(await assignRole(r.scope, challenge, { role: "bridge_builder", personId: cas }));

    must(
      await createAction(r.scope, {
        title: "Leerwerkplekken",
        ownerOrganisation: "Gemeente Tiel",
        partners: "roc rivierenland; Hogeschool Arnhem\nOnbekend BV",
      }),
    );

    const people = await r.people();
    expect(tie(people, p(ann), p(bob))).toMatchObject({ kinds: ["coalition"] });
    expect(tie(people, p(cas), p(dirk))).toMatchObject({ kinds: ["role"] });
    expect(tie(people, p(ann), p(cas))).toBeUndefined();
    expect(people.graph.order).toBe(4);

    const orgs = await r.organisations();
    // The coalition ties the members' organisations, the stranger's by name included.
    expect(tie(orgs, o(roc), o(han))?.kinds).toContain("coalition");
    expect(tie(orgs, o(roc), o(wijk))).toMatchObject({ kinds: ["coalition"] });
    // The action ties owner and partners as the register names them; an unknown name is nobody.
    expect(tie(orgs, o(tiel), o(roc))).toMatchObject({ kinds: ["action"] });
    expect(tie(orgs, o(tiel), o(han))).toMatchObject({ kinds: ["action"] });
    expect(tie(orgs, o(roc), o(han))?.kinds.sort()).toEqual(["action", "coalition"]);
    expect(labels(orgs)).toEqual([
      "Gemeente Tiel",
      "Hogeschool Arnhem",
      "ROC Rivierenland",
      "Wijkteam Oost",
    ]);
  });
});

describe("erasure", () => {
  it("takes an erased person and their declared ties out of the next network", async () => {
    const r = await region();
    const ann = await r.person("Ann Smit", { email: "ann@example.org" });
    const bob = await r.person("Bob Bakker", { email: "bob@example.org" });
    const cas = await r.person("Cas Claes", { email: "cas@example.org" });
    await attend(r, await r.event(), "ann@example.org", "bob@example.org");
    must(await recordTie(r.scope, ann, { other: cas, kind: "advises" }));

    const before = await r.people();
    expect(tie(before, p(ann), p(bob))).toBeDefined();
    expect(tie(before, p(ann), p(cas))).toMatchObject({ kinds: ["declared"] });

    must(await erasePerson(r.scope, ann, { confirmed: true }));
    const after = await r.people();
    expect(after).not.toBe(before);
    expect(after.graph.hasNode(p(ann))).toBe(false);
    expect(after.graph.size).toBe(0);
    // Cas was in the network only through the declared tie.
    expect(after.graph.hasNode(p(cas))).toBe(false);
    expect(labels(after)).toEqual(["Bob Bakker"]);
    expect(JSON.stringify(after.graph.export())).not.toContain("Ann Smit");
  });

  it("serves the same computed network while nothing changed", async () => {
    const r = await region();
    await r.person("Ann Smit", { email: "ann@example.org" });
    await r.person("Bob Bakker", { email: "bob@example.org" });
    await attend(r, await r.event(), "ann@example.org", "bob@example.org");
    const first = await r.people();
    expect(await r.people()).toBe(first);
    // Something that is no part of a tie (a registration without check-in) changes nothing.
    await r.register(await r.event(), "ann@example.org");
    expect(await r.people()).toBe(first);
  });
});

describe("every change that makes or breaks a tie reaches the next network", () => {
  it("follows a participant removed, a member accepted, a link undone and an organisation renamed", async () => {
    const r = await region();
    const tiel = await r.organisation("Gemeente Tiel", "government");
    const roc = await r.organisation("ROC Rivierenland", "mbo");
    const ann = await r.person("Ann Smit", { email: "ann@example.org", organisationId: roc });
    const bob = await r.person("Bob Bakker", { email: "bob@example.org" });
    const cas = await r.person("Cas Claes", { email: "cas@example.org" });

    const session = must(
      await createSession(r.scope, { title: "Dialoog", template: "learning-region" }),
    );
    must(await joinSession(t.db, session.joinCode, { displayName: "Ann Smit" }, null));
    const bobJoined = must(
      await joinSession(t.db, session.joinCode, { displayName: "Bob Bakker" }, null),
    );
    must(await splitGroups(r.scope, session.id, { mode: "random", size: 4 }));
    expect(tie(await r.people(), p(ann), p(bob))).toMatchObject({ kinds: ["dialogue"] });
    must(
      await removeParticipants(r.scope, session.id, { participantId: bobJoined.participant.id }),
    );
    expect(tie(await r.people(), p(ann), p(bob))).toBeUndefined();

    const coalition = must(await createCoalition(r.scope, { title: "Coalitie" })).id;
    must(await addMember(r.scope, coalition, { name: "Ann", email: "ann@example.org" }));
    const interested = await t.db
      .insertInto("coalition_members")
      .values({ coalition_id: coalition, name: "Cas", email: "cas@example.org" })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(tie(await r.people(), p(ann), p(cas))).toBeUndefined();
    must(await decideMember(r.scope, coalition, { memberId: interested.id, decision: "accept" }));
    expect(tie(await r.people(), p(ann), p(cas))).toMatchObject({ kinds: ["coalition"] });

    const challenge = must(await createChallenge(r.scope, { title: "Opgave" })).id;
    must(await linkActivity(r.scope, challenge, { kind: "coalition", id: coalition }));
    expect(labels(await r.people({ challengeId: challenge }))).toEqual(["Ann Smit", "Cas Claes"]);
    const link = await t.db
      .selectFrom("challenge_links")
      .select("id")
      .where("challenge_id", "=", challenge)
      .executeTakeFirstOrThrow();
    must(await unlinkActivity(r.scope, challenge, link.id));
    expect((await r.people({ challengeId: challenge })).graph.order).toBe(0);

    // A stranger at an event is counted for the organisation their registration names …
    const event = await r.event();
    await attend(r, event, "ann@example.org");
    await r.checkIn(event, await r.register(event, "x@example.org", "Gemeente Tiel"));
    expect(tie(await r.organisations(), o(roc), o(tiel))).toBeDefined();
    // … as long as the register calls it so.
    must(
      await updateOrganisation(r.scope, tiel, {
        name: "Gemeente West Betuwe",
        sector: "government",
      }),
    );
    expect((await r.organisations()).graph.hasNode(o(tiel))).toBe(false);
  });
});

describe("declared ties (recordTie, removeTie)", () => {
  it("records a tie once per pair and kind, shows it as declared, and removes it", async () => {
    const r = await region();
    const ann = await r.person("Ann Smit");
    const bob = await r.person("Bob Bakker");
    expect((await r.people()).graph.size).toBe(0);

    expect(await recordTie(r.scope, ann, { other: bob, kind: "works_with" })).toEqual({
      ok: true,
      value: null,
    });
    const net = await r.people();
    expect(tie(net, p(ann), p(bob))).toMatchObject({ kinds: ["declared"], weight: 1 });

    // Again, from the other side: still one tie.
    must(await recordTie(r.scope, bob, { other: ann, kind: "works_with", note: "Samen" }));
    const rows = await t.db
      .selectFrom("network_ties")
      .select(["id", "kind"])
      .where("region_id", "=", r.scope.regionId)
      .execute();
    expect(rows).toEqual([{ id: expect.any(String), kind: "works_with" }]);

    must(await removeTie(r.scope, rows[0]!.id));
    const gone = await r.people();
    expect(tie(gone, p(ann), p(bob))).toBeUndefined();
    expect(gone.graph.order).toBe(0);
  });

  it("refuses a tie with oneself or with nobody", async () => {
    const r = await region();
    const ann = await r.person("Ann Smit");
    expect(await recordTie(r.scope, ann, { other: ann })).toMatchObject({
      ok: false,
      kind: "invalid",
      fieldErrors: { other: { key: "network.selfTie" } },
    });
    expect(await recordTie(r.scope, ann, { other: "niemand" })).toMatchObject({
      ok: false,
      kind: "invalid",
      fieldErrors: { other: { key: "network.otherRequired" } },
    });
  });

  it("knows no person or tie of another region, and writes nothing", async () => {
    const r = await region();
    const other = await region();
    const ann = await r.person("Ann Smit");
    const bob = await r.person("Bob Bakker");
    const stranger = await other.person("Sam Vreemd");
    const strangerFriend = await other.person("Sanne Vreemd");
    must(await recordTie(other.scope, stranger, { other: strangerFriend }));
    const theirTie = await t.db
      .selectFrom("network_ties")
      .select("id")
      .where("region_id", "=", other.scope.regionId)
      .executeTakeFirstOrThrow();

    expect(await recordTie(r.scope, ann, { other: stranger })).toMatchObject({
      ok: false,
      kind: "notFound",
    });
    expect(await recordTie(r.scope, stranger, { other: ann })).toMatchObject({
      ok: false,
      kind: "notFound",
    });
    expect(await removeTie(r.scope, theirTie.id)).toMatchObject({ ok: false, kind: "notFound" });
    expect(await removeTie(r.scope, "not-an-id")).toMatchObject({ ok: false, kind: "notFound" });

    const ours = await t.db
      .selectFrom("network_ties")
      .select("id")
      .where("region_id", "=", r.scope.regionId)
      .execute();
    expect(ours).toEqual([]);
    expect(
      await t.db
        .selectFrom("network_ties")
        .select("id")
        .where("id", "=", theirTie.id)
        .executeTakeFirst(),
    ).toBeDefined();
    expect((await r.people()).graph.order).toBe(0);
    expect(must(await recordTie(r.scope, ann, { other: bob }))).toBeNull();
  });

  it("lets no member below organiser record or remove a tie", async () => {
    const r = await region();
    const ann = await r.person("Ann Smit");
    const bob = await r.person("Bob Bakker");
    must(await recordTie(r.scope, ann, { other: bob }));
    const existing = await t.db
      .selectFrom("network_ties")
      .select("id")
      .where("region_id", "=", r.scope.regionId)
      .executeTakeFirstOrThrow();
    const cas = await r.person("Cas Claes");
    for (const role of ["member", "facilitator"] as const) {
      const user = await makeUser(t.db);
      await t.db
        .insertInto("memberships")
        .values({ user_id: user.id, region_id: r.scope.regionId, role })
        .execute();
      const scope: RegionScope = { db: t.db, regionId: r.scope.regionId, userId: user.id, role };
      expect(await recordTie(scope, ann, { other: cas })).toMatchObject({
        ok: false,
        kind: "forbidden",
      });
      expect(await removeTie(scope, existing.id)).toMatchObject({ ok: false, kind: "forbidden" });
    }
    const rows = await t.db
      .selectFrom("network_ties")
      .select("id")
      .where("region_id", "=", r.scope.regionId)
      .execute();
    expect(rows).toEqual([existing]);
  });
});

describe("filters", () => {
  it("keeps a challenge's linked activities and roles, and the declared ties among its parties", async () => {
    const r = await region();
    const [ann, bob, cas, dirk, eva] = await Promise.all(
      ["ann", "bob", "cas", "dirk", "eva"].map((n) =>
        r.person(n.toUpperCase(), { email: `${n}@example.org` }),
      ),
    );
    const linked = await r.event();
    const unlinked = await r.event();
    await attend(r, linked, "ann@example.org", "bob@example.org");
    await attend(r, unlinked, "cas@example.org", "dirk@example.org");
    const challenge = must(await createChallenge(r.scope, { title: "Wonen" })).id;
    const otherChallenge = must(await createChallenge(r.scope, { title: "Werk" })).id;
    must(await assignRole(r.scope, challenge, { role: "initiator", personId: eva! }));
    must(await assignRole(r.scope, otherChallenge, { role: "initiator", personId: dirk! }));
    must(await recordTie(r.scope, ann!, { other: eva! }));
    must(await recordTie(r.scope, ann!, { other: cas! }));

    // Before the link, the challenge has only its role.
    const unlinkedYet = await r.people({ challengeId: challenge });
    expect(labels(unlinkedYet)).toEqual(["EVA"]);

    must(await linkActivity(r.scope, challenge, { kind: "event", id: linked }));
    const net = await r.people({ challengeId: challenge });
    expect(labels(net)).toEqual(["ANN", "BOB", "EVA"]);
    expect(tie(net, p(ann!), p(bob!))).toMatchObject({ kinds: ["event"] });
    expect(tie(net, p(ann!), p(eva!))).toMatchObject({ kinds: ["declared"] });
    // Cas is not the challenge's: the tie Ann declared with Cas is not shown here.
    expect(net.graph.hasNode(p(cas!))).toBe(false);

    const whole = await r.people();
    expect(whole.graph.order).toBe(5);
    expect(tie(whole, p(cas!), p(dirk!))).toBeDefined();
  });

  it("keeps only the occasions of the period asked for", async () => {
    const r = await region();
    const [ann, bob, cas, dirk] = await Promise.all(
      ["ann", "bob", "cas", "dirk"].map((n) => r.person(n, { email: `${n}@example.org` })),
    );
    const now = Date.now();
    await attend(r, await r.event(new Date(now - 400 * DAY)), "ann@example.org", "bob@example.org");
    await attend(r, await r.event(new Date(now - 30 * DAY)), "cas@example.org", "dirk@example.org");

    const recent = await r.people({ from: new Date(now - 90 * DAY), to: new Date(now) });
    expect(labels(recent)).toEqual(["cas", "dirk"]);
    expect(tie(recent, p(cas!), p(dirk!))).toBeDefined();

    const lastYear = await r.people({
      from: new Date(now - 500 * DAY),
      to: new Date(now - 90 * DAY),
    });
    expect(labels(lastYear)).toEqual(["ann", "bob"]);
    expect(tie(lastYear, p(ann!), p(bob!))).toBeDefined();

    // A tie of long ago weighs less than a fresh one of the same kind.
    const all = await r.people();
    expect(tie(all, p(ann!), p(bob!))!.weight).toBeLessThan(tie(all, p(cas!), p(dirk!))!.weight);
  });

  it("keeps only the kinds of ties asked for", async () => {
    const r = await region();
    const [ann, bob, cas] = await Promise.all(
      ["ann", "bob", "cas"].map((n) => r.person(n, { email: `${n}@example.org` })),
    );
    await attend(r, await r.event(), "ann@example.org", "bob@example.org");
    must(await recordTie(r.scope, ann!, { other: cas!, kind: "learns_from" }));

    const events = await r.people({ kinds: ["event"] });
    expect(tie(events, p(ann!), p(bob!))).toBeDefined();
    expect(events.graph.hasNode(p(cas!))).toBe(false);

    const declared = await r.people({ kinds: ["declared"] });
    expect(labels(declared)).toEqual(["ann", "cas"]);
    expect(tie(declared, p(ann!), p(cas!))).toMatchObject({ kinds: ["declared"] });

    const both = await r.people({ kinds: ["declared", "event"] });
    expect(both.graph.size).toBe(2);
  });
});
