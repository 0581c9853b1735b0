import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { assignRole } from "../challenges/assignRole.ts";
import { createChallenge } from "../challenges/createChallenge.ts";
import { rateChallenge } from "../challenges/rateChallenge.ts";
import { addAuthor, setAuthorConsent } from "../knowledge/evidence.ts";
import { createEntry } from "../knowledge/entries.ts";
import { addPerson } from "./addPerson.ts";
import { createOrganisation } from "./createOrganisation.ts";
import { erasePerson } from "./erasePerson.ts";
import { mergePeople } from "./mergePeople.ts";
import { findLikelyDuplicates, getPerson } from "./queries.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

async function add(scope: RegionScope, input: Record<string, unknown>) {
  const result = await addPerson(scope, input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.value.id;
}

describe("merging duplicate people", () => {
  it("keeps the chosen record, fills its empty fields from the other and combines lists", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const org = await createOrganisation(scope, {
      name: "Gemeente Nijmegen",
      sector: "government",
    });
    if (!org.ok) throw new Error("setup");
    const keep = await add(scope, {
      name: "Marieke Bos",
      perspectives: ["policy"],
      expertise: "Wijkaanpak, armoede",
    });
    const remove = await add(scope, {
      name: "M. Bos",
      email: "m.bos@example.org",
      organisationId: org.value.id,
      perspectives: ["work", "policy"],
      expertise: "wijkaanpak, schulden",
    });

    expect(await mergePeople(scope, { keepId: keep, removeId: remove })).toEqual({
      ok: true,
      value: { id: keep },
    });
    expect(await getPerson(scope, remove)).toBeNull();
    expect(await getPerson(scope, keep)).toMatchObject({
      name: "Marieke Bos",
      email: "m.bos@example.org",
      organisation: { id: org.value.id },
      perspectives: ["work", "policy"],
      expertise: ["Wijkaanpak", "armoede", "schulden"],
    });
  });

  it("keeps the duplicate's challenge ratings and roles on the kept record, the kept one's first", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const keep = await add(scope, { name: "Ilse de Wit" });
    const remove = await add(scope, { name: "I. de Wit" });
    const both = await createChallenge(scope, { title: "Beide beoordeeld" });
    const onlyDuplicate = await createChallenge(scope, { title: "Alleen het duplicaat" });
    if (!both.ok || !onlyDuplicate.ok) throw new Error("setup");
    await rateChallenge(scope, both.value.id, { personId: keep, urgency: 5, importance: 5 });
    await rateChallenge(scope, both.value.id, { personId: remove, urgency: 1, importance: 1 });
    await rateChallenge(scope, onlyDuplicate.value.id, {
      personId: remove,
      urgency: 3,
      importance: 4,
    });
    await assignRole(scope, both.value.id, { role: "bridgeBuilder", personId: keep });
    await assignRole(scope, both.value.id, { role: "bridgeBuilder", personId: remove });
    await assignRole(scope, onlyDuplicate.value.id, { role: "initiator", personId: remove });

    expect(await mergePeople(scope, { keepId: keep, removeId: remove })).toMatchObject({
      ok: true,
    });
    const ratings = await t.db
      .selectFrom("challenge_ratings")
      .select(["challenge_id", "person_id", "urgency"])
      .where("challenge_id", "in", [both.value.id, onlyDuplicate.value.id])
      .orderBy("urgency")
      .execute();
    expect(ratings).toEqual([
      { challenge_id: onlyDuplicate.value.id, person_id: keep, urgency: 3 },
      { challenge_id: both.value.id, person_id: keep, urgency: 5 },
    ]);
    const roles = await t.db
      .selectFrom("challenge_roles")
      .select(["challenge_id", "role", "person_id"])
      .where("challenge_id", "in", [both.value.id, onlyDuplicate.value.id])
      .orderBy("role")
      .execute();
    expect(roles).toEqual([
      { challenge_id: both.value.id, role: "bridgeBuilder", person_id: keep },
      { challenge_id: onlyDuplicate.value.id, role: "initiator", person_id: keep },
    ]);
  });

  it("keeps the duplicate's authorships and consents on the kept record, once per entry", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const keep = await add(scope, { name: "Marieke Bos" });
    const remove = await add(scope, { name: "M. Bos" });
    const entry = async (title: string) => {
      const made = await createEntry(scope, { kind: "lesson", title });
      if (!made.ok) throw new Error(JSON.stringify(made));
      return made.value.id;
    };
    const own = await entry("Alleen door het dubbele record");
    const both = await entry("Door allebei");
    expect((await addAuthor(scope, own, { personId: remove })).ok).toBe(true);
    expect((await addAuthor(scope, both, { personId: keep })).ok).toBe(true);
    expect((await addAuthor(scope, both, { personId: remove })).ok).toBe(true);
    expect((await setAuthorConsent(scope, own, remove, true)).ok).toBe(true);
    expect((await setAuthorConsent(scope, both, remove, true)).ok).toBe(true);

    expect((await mergePeople(scope, { keepId: keep, removeId: remove })).ok).toBe(true);
    const authors = await t.db
      .selectFrom("knowledge_entry_authors")
      .select(["entry_id", "person_id", "consent_given_at"])
      .where("entry_id", "in", [own, both])
      .orderBy("entry_id")
      .execute();
    expect(authors).toHaveLength(2);
    for (const a of authors) {
      expect(a.person_id).toBe(keep);
      expect(a.consent_given_at).not.toBeNull();
    }
  });

  it("does not overwrite what the kept record already has", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const keep = await add(scope, { name: "Sam", email: "sam@work.example" });
    const remove = await add(scope, { name: "Sam", email: "sam@home.example" });
    const result = await mergePeople(scope, { keepId: keep, removeId: remove });
    expect(result.ok).toBe(true);
    expect((await getPerson(scope, keep))?.email).toBe("sam@work.example");
  });

  it("refuses the same person twice, erased people, and people of another region", async () => {
    const a = await makeScope(t.db, "organiser");
    const b = await makeScope(t.db, "organiser");
    const one = await add(a.scope, { name: "Een" });
    const erased = await add(a.scope, { name: "Weg" });
    await erasePerson(a.scope, erased, { confirmed: true });
    const theirs = await add(b.scope, { name: "Een" });

    expect(await mergePeople(a.scope, { keepId: one, removeId: one })).toMatchObject({
      ok: false,
      error: { key: "people.mergeSame" },
    });
    expect(await mergePeople(a.scope, { keepId: one, removeId: erased })).toMatchObject({
      ok: false,
      error: { key: "people.mergeErased" },
    });
    for (const input of [
      { keepId: one, removeId: theirs },
      { keepId: theirs, removeId: one },
      { keepId: one, removeId: "nonsense" },
    ]) {
      expect(await mergePeople(a.scope, input)).toMatchObject({
        ok: false,
        error: { key: "errors.notFound" },
      });
    }
    expect(await getPerson(a.scope, one)).not.toBeNull();
    expect(await getPerson(b.scope, theirs)).not.toBeNull();
  });

  it("is for organisers only", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const x = await add(scope, { name: "X" });
    const y = await add(scope, { name: "Y" });
    const result = await mergePeople({ ...scope, role: "facilitator" }, { keepId: x, removeId: y });
    expect(result).toMatchObject({ ok: false, error: { key: "errors.forbidden" } });
    expect(await getPerson(scope, y)).not.toBeNull();
  });

  it("suggests likely duplicates: the same name, or the same mailbox name at another domain", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const a = await add(scope, { name: "Joris Smit", email: "joris.smit@han.example" });
    await add(scope, { name: "joris smit" });
    await add(scope, { name: "J. Smit", email: "joris.smit@gmail.example" });
    await add(scope, { name: "Joris Anders" });
    const person = await getPerson(scope, a);
    if (!person) throw new Error("setup");
    const names = (await findLikelyDuplicates(scope, person)).map((p) => p.name);
    expect(names.sort()).toEqual(["J. Smit", "joris smit"]);
  });
});
