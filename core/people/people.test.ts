import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { addPerson } from "./addPerson.ts";
import { createOrganisation } from "./createOrganisation.ts";
import { erasePerson } from "./erasePerson.ts";
import { exportPerson } from "./exportPerson.ts";
import {
  getPerson,
  listPeople,
  PAGE_SIZE,
  parsePeopleFilters,
  type PeopleFilters,
} from "./queries.ts";
import { updatePerson } from "./updatePerson.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const noFilters: PeopleFilters = {
  q: "",
  organisationId: "",
  sector: "",
  perspective: "",
  erased: false,
};

async function add(scope: Parameters<typeof addPerson>[0], input: Record<string, unknown>) {
  const result = await addPerson(scope, input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.id;
}

describe("adding and editing people", () => {
  it("adds a person with organisation, several perspectives and expertise tags", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const org = await createOrganisation(scope, { name: "Gemeente Arnhem", sector: "government" });
    if (!org.ok) throw new Error("setup");
    const id = await add(scope, {
      name: "Anna de Vries",
      email: " Anna@Example.ORG ",
      organisationId: org.value.id,
      perspectives: ["policy", "work"],
      expertise: "wijkaanpak, zorg, , zorg",
    });
    const person = await getPerson(scope, id);
    expect(person).toMatchObject({
      name: "Anna de Vries",
      email: "anna@example.org",
      organisation: { id: org.value.id, name: "Gemeente Arnhem", sector: "government" },
      perspectives: ["work", "policy"],
      expertise: ["wijkaanpak", "zorg"],
      erasedAt: null,
    });
  });

  it("knows people without e-mail address or organisation", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const id = await add(scope, { name: "Bewoner Jan", email: "", organisationId: "" });
    expect(await getPerson(scope, id)).toMatchObject({ email: null, organisation: null });
  });

  it("gives field messages for bad input", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const result = await addPerson(scope, {
      name: "",
      email: "not an address",
      perspectives: ["work", "astrology"],
      expertise: "x".repeat(61),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.name).toEqual({ key: "validation.required" });
    expect(result.fieldErrors?.email).toEqual({ key: "validation.email" });
    expect(result.fieldErrors?.perspectives).toEqual({ key: "validation.choice" });
    expect(result.fieldErrors?.expertise).toEqual({
      key: "validation.tooLong",
      values: { max: 60 },
    });
  });

  it("refuses an e-mail address that another person in the region has, as a field message", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    await add(scope, { name: "Eerste", email: "same@example.org" });
    const second = await addPerson(scope, { name: "Tweede", email: "SAME@example.org" });
    expect(second).toMatchObject({
      ok: false,
      fieldErrors: { email: { key: "people.emailTaken" } },
    });
    const otherId = await add(scope, { name: "Derde" });
    const update = await updatePerson(scope, otherId, { name: "Derde", email: "same@example.org" });
    expect(update).toMatchObject({
      ok: false,
      fieldErrors: { email: { key: "people.emailTaken" } },
    });
    // Another region may know the same address.
    const other = await makeScope(t.db, "organiser");
    expect((await addPerson(other.scope, { name: "Eerste", email: "same@example.org" })).ok).toBe(
      true,
    );
  });

  it("updates all fields, including clearing the organisation", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const org = await createOrganisation(scope, { name: "Bedrijf", sector: "company" });
    if (!org.ok) throw new Error("setup");
    const id = await add(scope, {
      name: "Piet",
      organisationId: org.value.id,
      perspectives: "work",
    });
    const result = await updatePerson(scope, id, {
      name: "Piet Jansen",
      email: "piet@example.org",
      organisationId: "",
      perspectives: ["research"],
      expertise: ["data"],
    });
    expect(result.ok).toBe(true);
    expect(await getPerson(scope, id)).toMatchObject({
      name: "Piet Jansen",
      email: "piet@example.org",
      organisation: null,
      perspectives: ["research"],
      expertise: ["data"],
    });
  });

  it("lets facilitators and members change nobody", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const id = await add(scope, { name: "Iemand" });
    for (const role of ["member", "facilitator"] as const) {
      const lesser = { ...scope, role };
      expect(await addPerson(lesser, { name: "X" })).toMatchObject({
        ok: false,
        error: { key: "errors.forbidden" },
      });
      expect(await updatePerson(lesser, id, { name: "X" })).toMatchObject({
        ok: false,
        error: { key: "errors.forbidden" },
      });
      expect(await erasePerson(lesser, id, { confirmed: true })).toMatchObject({
        ok: false,
        error: { key: "errors.forbidden" },
      });
    }
    expect((await getPerson(scope, id))?.name).toBe("Iemand");
  });

  it("treats another region's person exactly like one that does not exist", async () => {
    const a = await makeScope(t.db, "organiser");
    const b = await makeScope(t.db, "organiser");
    const theirs = await add(b.scope, { name: "Van B", email: "b@example.org" });
    expect(await getPerson(a.scope, theirs)).toBeNull();
    expect(await getPerson(a.scope, "1; drop table people")).toBeNull();
    expect(await updatePerson(a.scope, theirs, { name: "Van A" })).toMatchObject({
      ok: false,
      error: { key: "errors.notFound" },
    });
    expect(await erasePerson(a.scope, theirs, { confirmed: true })).toMatchObject({
      ok: false,
      error: { key: "errors.notFound" },
    });
    expect(await exportPerson(a.scope, theirs)).toMatchObject({
      ok: false,
      error: { key: "errors.notFound" },
    });
    expect((await listPeople(a.scope, { ...noFilters, q: "Van B" })).total).toBe(0);
    expect(await getPerson(b.scope, theirs)).toMatchObject({
      name: "Van B",
      email: "b@example.org",
    });
  });
});

describe("the people list", () => {
  it("searches name, e-mail and expertise, every word, with % and _ taken literally", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    await add(scope, { name: "Anna Jansen", email: "anna@zorg.example", expertise: "wijkaanpak" });
    await add(scope, { name: "Bert Jansen", expertise: "techniek, zorg" });
    await add(scope, { name: "Carla 100%", email: "carla_b@example.org" });
    const names = async (q: string) =>
      (await listPeople(scope, { ...noFilters, q })).people.map((p) => p.name);
    expect(await names("jansen")).toEqual(["Anna Jansen", "Bert Jansen"]);
    expect(await names("ZORG")).toEqual(["Anna Jansen", "Bert Jansen"]);
    expect(await names("jansen techniek")).toEqual(["Bert Jansen"]);
    expect(await names("%")).toEqual(["Carla 100%"]);
    expect(await names("arl_")).toEqual([]);
    expect(await names("carla_b")).toEqual(["Carla 100%"]);
  });

  it("filters by organisation, sector and perspective", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const mbo = await createOrganisation(scope, { name: "ROC", sector: "mbo" });
    const gov = await createOrganisation(scope, { name: "Provincie", sector: "government" });
    if (!mbo.ok || !gov.ok) throw new Error("setup");
    await add(scope, { name: "Docent", organisationId: mbo.value.id, perspectives: "education" });
    await add(scope, {
      name: "Beleidsmaker",
      organisationId: gov.value.id,
      perspectives: ["policy", "work"],
    });
    await add(scope, { name: "Bewoner", perspectives: "living" });
    const names = async (f: Partial<PeopleFilters>) =>
      (await listPeople(scope, { ...noFilters, ...f })).people.map((p) => p.name);
    expect(await names({ organisationId: mbo.value.id })).toEqual(["Docent"]);
    expect(await names({ sector: "government" })).toEqual(["Beleidsmaker"]);
    expect(await names({ perspective: "work" })).toEqual(["Beleidsmaker"]);
    expect(await names({ perspective: "living" })).toEqual(["Bewoner"]);
    expect(await names({ sector: "mbo", perspective: "policy" })).toEqual([]);
  });

  it("reads filters from a query string leniently", () => {
    const filters = parsePeopleFilters(
      new URLSearchParams("q=+zorg+&sector=bank&perspective=work&organisation=x&erased=on"),
    );
    expect(filters).toEqual({
      q: "zorg",
      organisationId: "",
      sector: "",
      perspective: "work",
      erased: true,
    });
  });

  it("pages by 50, by name, and clamps a page beyond the last", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    await t.db
      .insertInto("people")
      .values(
        Array.from({ length: PAGE_SIZE + 3 }, (_, i) => ({
          region_id: scope.regionId,
          name: `Persoon ${String(i).padStart(3, "0")}`,
        })),
      )
      .execute();
    const first = await listPeople(scope, noFilters, 1);
    expect(first).toMatchObject({ total: PAGE_SIZE + 3, page: 1, pageCount: 2 });
    expect(first.people).toHaveLength(PAGE_SIZE);
    expect(first.people[0]?.name).toBe("Persoon 000");
    const last = await listPeople(scope, noFilters, 9);
    expect(last.page).toBe(2);
    expect(last.people.map((p) => p.name)).toEqual(["Persoon 050", "Persoon 051", "Persoon 052"]);
  });
});

describe("erasure and the person's data", () => {
  it("erases the personal data only when confirmed, keeps the row, hides it from the list", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const org = await createOrganisation(scope, { name: "Werkplaats", sector: "company" });
    if (!org.ok) throw new Error("setup");
    const id = await add(scope, {
      name: "Daan de Groot",
      email: "daan@example.org",
      organisationId: org.value.id,
      perspectives: ["work"],
      expertise: "lassen",
    });
    expect(await erasePerson(scope, id, { confirmed: false })).toMatchObject({
      ok: false,
      fieldErrors: { confirm: { key: "people.confirmEraseRequired" } },
    });
    expect((await getPerson(scope, id))?.name).toBe("Daan de Groot");

    expect(await erasePerson(scope, id, { confirmed: true })).toEqual({ ok: true, value: { id } });
    const erased = await getPerson(scope, id);
    expect(erased).toMatchObject({
      name: "Geanonimiseerde persoon",
      email: null,
      organisation: null,
      perspectives: [],
      expertise: [],
    });
    expect(erased?.erasedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(erased)).not.toMatch(/Daan|daan@|lassen/);

    expect((await listPeople(scope, noFilters)).people.map((p) => p.id)).not.toContain(id);
    expect(
      (await listPeople(scope, { ...noFilters, erased: true })).people.map((p) => p.id),
    ).toContain(id);
    expect(await updatePerson(scope, id, { name: "Daan" })).toMatchObject({
      ok: false,
      error: { key: "errors.notFound" },
    });
    // The address is free again for a new, unrelated record.
    expect((await addPerson(scope, { name: "Nieuw", email: "daan@example.org" })).ok).toBe(true);
  });

  it("exports everything kept about a person as plain data", async () => {
    const { scope, region } = await makeScope(t.db, "organiser");
    const org = await createOrganisation(scope, {
      name: "Kenniscentrum",
      sector: "hbo",
      website: "https://example.org",
    });
    if (!org.ok) throw new Error("setup");
    const id = await add(scope, {
      name: "Eva",
      email: "eva@example.org",
      organisationId: org.value.id,
      perspectives: ["research"],
      expertise: "actieonderzoek",
    });
    const result = await exportPerson(scope, id);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      region: { name: region.name },
      person: {
        id,
        name: "Eva",
        email: "eva@example.org",
        perspectives: ["research"],
        expertise: ["actieonderzoek"],
        erasedAt: null,
      },
      organisation: { name: "Kenniscentrum", sector: "hbo", website: "https://example.org" },
    });
    expect(() => new Date(result.value.exportedAt).toISOString()).not.toThrow();
  });
});
