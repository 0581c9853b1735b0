import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { makeCuratedHarvest } from "../../test/harvestFixtures.ts";
import { createAction } from "../actions/createAction.ts";
import { setAgendaPublic } from "../harvest/setAgendaPublic.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { addMember } from "./addMember.ts";
import { createCoalition } from "./createCoalition.ts";
import { decideMember } from "./decideMember.ts";
import { expressInterest } from "./expressInterest.ts";
import { linkAction } from "./linkAction.ts";
import { unlinkAction } from "./unlinkAction.ts";
import { updateCoalition } from "./updateCoalition.ts";
import { mixOf } from "./mix.ts";
import { getCoalition, listCoalitions } from "./queries.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

async function coalitionOnPublicAction(scope: RegionScope) {
  const h = await makeCuratedHarvest(scope);
  const action = await createAction(scope, { title: "Leerdag", themeId: h.themes.culture });
  if (!action.ok) throw new Error("no action");
  const coalition = await createCoalition(scope, {
    title: "Leren in de zorg",
    leadName: "Erna Laclé",
    leadOrganisation: "Utrechtzorg",
    wayOfWorking: "Elke maand op locatie.",
    actionId: action.value.id,
  });
  if (!coalition.ok) throw new Error("no coalition");
  await setAgendaPublic(scope, h.harvest.id, true);
  return { harvest: h, actionId: action.value.id, coalitionId: coalition.value.id };
}

const person = (n: number, extra: Record<string, unknown> = {}) => ({
  name: `Persoon ${n}`,
  email: `persoon${n}@example.org`,
  organisation: "ROC",
  sector: "mbo",
  perspective: "education",
  consent: "on",
  website: "",
  ...extra,
});

/** A form as a browser sends it with the consent box unticked: no consent field at all. */
function withoutConsent(n: number) {
  const { consent: _consent, ...rest } = person(n);
  return rest;
}

describe("the mix of a coalition", () => {
  it("counts sectors and perspectives and names the ones nobody brings", () => {
    const mix = mixOf([
      { sector: "mbo", perspective: "education" },
      { sector: "mbo", perspective: "work" },
      { sector: "government", perspective: null },
      { sector: null, perspective: "nonsense" },
      { sector: "other", perspective: "policy" },
    ]);
    expect(mix.members).toBe(5);
    expect(mix.sectors).toEqual([
      { sector: "government", count: 1 },
      { sector: "mbo", count: 2 },
      { sector: "other", count: 1 },
      { sector: null, count: 1 },
    ]);
    expect(mix.missingSectors).toEqual(["hbo", "wo", "social", "company", "residents"]);
    expect(mix.missingPerspectives).toEqual(["research", "living"]);
    const empty = mixOf([]);
    expect(empty.missingSectors).toHaveLength(7);
    expect(empty.missingPerspectives).toHaveLength(5);
  });
});

describe("coalitions", () => {
  it("keeps members, counts only accepted ones in the mix, and links actions", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const { coalitionId, actionId } = await coalitionOnPublicAction(scope);
    expect(
      (await addMember(scope, coalitionId, { name: "Jan", sector: "hbo", perspective: "research" }))
        .ok,
    ).toBe(true);
    expect(
      await addMember(scope, coalitionId, {
        name: "Piet",
        email: "geen-adres",
        sector: "marsmannetjes",
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { email: { key: "validation.email" }, sector: { key: "validation.choice" } },
    });
    expect((await expressInterest(t.db, scope.regionId, { ...person(1), coalitionId })).ok).toBe(
      true,
    );
    let found = (await getCoalition(scope, coalitionId))!;
    expect(found.members.map((m) => m.name)).toEqual(["Jan"]);
    expect(found.interested.map((m) => m.name)).toEqual(["Persoon 1"]);
    expect(found.mix.missingSectors).toContain("mbo");

    const interested = found.interested[0]!;
    expect(
      (await decideMember(scope, coalitionId, { memberId: interested.id, decision: "accept" })).ok,
    ).toBe(true);
    const mix = (await getCoalition(scope, coalitionId))!.mix;
    expect(mix.members).toBe(2);
    expect(mix.missingSectors).not.toContain("mbo");
    expect(mix.missingSectors).toContain("residents");
    expect(mix.missingPerspectives).toEqual(["work", "living", "policy"]);

    expect((await unlinkAction(scope, coalitionId, { actionId })).ok).toBe(true);
    found = (await getCoalition(scope, coalitionId))!;
    expect(found.actions).toEqual([]);
    expect((await linkAction(scope, coalitionId, { actionId })).ok).toBe(true);
    expect(
      (await updateCoalition(scope, coalitionId, { title: "Nieuwe naam", wayOfWorking: "Online" }))
        .ok,
    ).toBe(true);
    const [listed] = await listCoalitions(scope);
    expect(listed).toMatchObject({ title: "Nieuwe naam", members: 2, interested: 0 });
    expect(listed!.actions.map((a) => a.id)).toEqual([actionId]);

    const jan = found.members.find((m) => m.name === "Jan")!;
    expect(
      (await decideMember(scope, coalitionId, { memberId: jan.id, decision: "remove" })).ok,
    ).toBe(true);
    expect((await getCoalition(scope, coalitionId))!.members.map((m) => m.name)).toEqual([
      "Persoon 1",
    ]);
  });

  it("takes interest from the public agenda only with consent, ignores the honeypot, and says the same twice", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const { coalitionId } = await coalitionOnPublicAction(scope);
    expect(
      await expressInterest(t.db, scope.regionId, {
        ...withoutConsent(2),
        coalitionId,
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { consent: { key: "coalitions.consentNeeded" } },
    });
    expect(
      await expressInterest(t.db, scope.regionId, {
        ...person(2, { name: "", email: "x@" }),
        coalitionId,
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { name: { key: "validation.required" }, email: { key: "validation.email" } },
    });
    expect(
      await expressInterest(t.db, scope.regionId, {
        ...person(3, { website: "http://spam.example" }),
        coalitionId,
      }),
    ).toEqual({ ok: true, value: { status: "ignored" } });
    expect(await expressInterest(t.db, scope.regionId, { ...person(4), coalitionId })).toEqual({
      ok: true,
      value: { status: "received" },
    });
    expect(
      await expressInterest(t.db, scope.regionId, { ...person(4, { name: "Ander" }), coalitionId }),
    ).toEqual({
      ok: true,
      value: { status: "received" },
    });
    // Without an address, a name is enough.
    expect(
      (await expressInterest(t.db, scope.regionId, { ...person(5, { email: "" }), coalitionId }))
        .ok,
    ).toBe(true);
    const found = (await getCoalition(scope, coalitionId))!;
    expect(found.interested.map((m) => m.name).sort()).toEqual(["Persoon 4", "Persoon 5"]);
    const row = await t.db
      .selectFrom("coalition_members")
      .select(["consent_at", "status"])
      .where("email", "=", "persoon4@example.org")
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("interested");
    expect(row.consent_at).not.toBeNull();
  });

  it("takes no interest for a coalition of an unpublished agenda or of another region", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const { coalitionId, harvest } = await coalitionOnPublicAction(scope);
    const other = (await makeScope(t.db, "organiser")).scope;
    expect(
      await expressInterest(t.db, other.regionId, { ...person(6), coalitionId }),
    ).toMatchObject({
      ok: false,
      error: { key: "errors.notFound" },
    });
    await setAgendaPublic(scope, harvest.harvest.id, false);
    expect(
      await expressInterest(t.db, scope.regionId, { ...person(7), coalitionId }),
    ).toMatchObject({
      ok: false,
      error: { key: "errors.notFound" },
    });
    expect(await getCoalition(other, coalitionId)).toBeNull();
    expect((await addMember(other, coalitionId, { name: "Indringer" })).ok).toBe(false);
    expect((await updateCoalition(other, coalitionId, { title: "Overgenomen" })).ok).toBe(false);
    expect((await getCoalition(scope, coalitionId))!.coalition.title).toBe("Leren in de zorg");
  });
});
