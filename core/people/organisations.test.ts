import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { addPerson } from "./addPerson.ts";
import { createOrganisation } from "./createOrganisation.ts";
import { deleteOrganisation } from "./deleteOrganisation.ts";
import { getOrganisation, getPerson, listOrganisations } from "./queries.ts";
import { updateOrganisation } from "./updateOrganisation.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

describe("organisations", () => {
  it("adds an organisation with a sector, and completes a website typed without https://", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const result = await createOrganisation(scope, {
      name: "  Hogeschool Arnhem Nijmegen ",
      sector: "hbo",
      website: "www.han.nl",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const saved = await getOrganisation(scope, result.value.id);
    expect(saved).toMatchObject({
      name: "Hogeschool Arnhem Nijmegen",
      sector: "hbo",
      website: "https://www.han.nl",
      people: 0,
    });
  });

  it("gives field messages for a missing name, an unknown sector and a website that is not one", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const result = await createOrganisation(scope, {
      name: " ",
      sector: "bank",
      website: "javascript:alert(1)",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      name: { key: "validation.required" },
      sector: { key: "validation.choice" },
      website: { key: "organisations.websiteInvalid" },
    });
  });

  it("refuses a second organisation with the same name in any case, as a field message", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    await createOrganisation(scope, { name: "ROC Rijn IJssel", sector: "mbo" });
    const again = await createOrganisation(scope, { name: "roc rijn ijssel", sector: "mbo" });
    expect(again).toMatchObject({
      ok: false,
      fieldErrors: { name: { key: "organisations.nameTaken" } },
    });
    const other = await createOrganisation(scope, {
      name: "Gemeente Arnhem",
      sector: "government",
    });
    if (!other.ok) throw new Error("setup");
    const renamed = await updateOrganisation(scope, other.value.id, {
      name: "ROC RIJN IJSSEL",
      sector: "government",
    });
    expect(renamed).toMatchObject({
      ok: false,
      fieldErrors: { name: { key: "organisations.nameTaken" } },
    });
  });

  it("allows the same name in another region", async () => {
    const a = await makeScope(t.db, "organiser");
    const b = await makeScope(t.db, "organiser");
    expect(
      (await createOrganisation(a.scope, { name: "Gemeente Ede", sector: "government" })).ok,
    ).toBe(true);
    expect(
      (await createOrganisation(b.scope, { name: "Gemeente Ede", sector: "government" })).ok,
    ).toBe(true);
  });

  it("lets only organisers and admins change organisations", async () => {
    for (const role of ["member", "facilitator"] as const) {
      const { scope } = await makeScope(t.db, role);
      const result = await createOrganisation(scope, { name: "X", sector: "other" });
      expect(result).toMatchObject({ ok: false, error: { key: "errors.forbidden" } });
    }
    const { scope } = await makeScope(t.db, "admin");
    expect((await createOrganisation(scope, { name: "X", sector: "other" })).ok).toBe(true);
  });

  it("treats another region's organisation exactly like one that does not exist", async () => {
    const a = await makeScope(t.db, "organiser");
    const b = await makeScope(t.db, "organiser");
    const theirs = await createOrganisation(b.scope, { name: "Van B", sector: "company" });
    if (!theirs.ok) throw new Error("setup");
    const id = theirs.value.id;
    expect(await getOrganisation(a.scope, id)).toBeNull();
    expect(await getOrganisation(a.scope, "not-a-uuid")).toBeNull();
    const update = await updateOrganisation(a.scope, id, { name: "Van A", sector: "company" });
    expect(update).toMatchObject({ ok: false, error: { key: "errors.notFound" } });
    const removal = await deleteOrganisation(a.scope, id, { confirmed: true });
    expect(removal).toMatchObject({ ok: false, error: { key: "errors.notFound" } });
    expect((await getOrganisation(b.scope, id))?.name).toBe("Van B");
    // Nor can a person of region A be linked to it.
    const person = await addPerson(a.scope, { name: "Iemand", organisationId: id });
    expect(person).toMatchObject({
      ok: false,
      fieldErrors: { organisationId: { key: "validation.choice" } },
    });
  });

  it("deletes only when confirmed, and keeps its people without an organisation", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const org = await createOrganisation(scope, { name: "Buurtteam Oost", sector: "social" });
    if (!org.ok) throw new Error("setup");
    const person = await addPerson(scope, { name: "Fatima", organisationId: org.value.id });
    if (!person.ok) throw new Error("setup");
    expect((await getOrganisation(scope, org.value.id))?.people).toBe(1);

    const unconfirmed = await deleteOrganisation(scope, org.value.id, { confirmed: false });
    expect(unconfirmed).toMatchObject({
      ok: false,
      fieldErrors: { confirm: { key: "organisations.confirmDeleteRequired" } },
    });
    expect(await getOrganisation(scope, org.value.id)).not.toBeNull();

    expect(await deleteOrganisation(scope, org.value.id, { confirmed: true })).toEqual({
      ok: true,
      value: { name: "Buurtteam Oost" },
    });
    expect(await getOrganisation(scope, org.value.id)).toBeNull();
    const kept = await getPerson(scope, person.value.id);
    expect(kept?.name).toBe("Fatima");
    expect(kept?.organisation).toBeNull();
  });

  it("lists by name with people counts, searchable and filtered by sector", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const zorg = await createOrganisation(scope, { name: "Zorggroep Noord", sector: "social" });
    await createOrganisation(scope, { name: "atelier Techniek", sector: "company" });
    if (!zorg.ok) throw new Error("setup");
    await addPerson(scope, { name: "Een", organisationId: zorg.value.id });
    await addPerson(scope, { name: "Twee", organisationId: zorg.value.id });

    const all = await listOrganisations(scope);
    expect(all.map((o) => [o.name, o.people])).toEqual([
      ["atelier Techniek", 0],
      ["Zorggroep Noord", 2],
    ]);
    expect((await listOrganisations(scope, { q: "ZORG" })).map((o) => o.name)).toEqual([
      "Zorggroep Noord",
    ]);
    expect((await listOrganisations(scope, { sector: "company" })).map((o) => o.name)).toEqual([
      "atelier Techniek",
    ]);
    expect(await listOrganisations(scope, { q: "%" })).toEqual([]);
  });
});
