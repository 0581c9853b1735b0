import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { createAction } from "../actions/createAction.ts";
import { addPerson } from "./addPerson.ts";
import { createOrganisation } from "./createOrganisation.ts";
import { erasePerson } from "./erasePerson.ts";
import { mergePeople } from "./mergePeople.ts";
import { getPerson } from "./queries.ts";

/**
 * Reads that decide a write must hold what they read until the write is done. Only PostgreSQL
 * can show it: PGlite is a single connection, so there one transaction runs after the other.
 * Without TEST_DATABASE_URL these tests are skipped.
 */
describe.runIf(process.env.TEST_DATABASE_URL)("people under concurrency", () => {
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

  it("merges a pair once when two organisers merge it in opposite directions at once", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    for (let round = 0; round < 10; round++) {
      const a = await add(scope, { name: `Anna ${round}` });
      const b = await add(scope, { name: `A. ${round}` });
      // Neither may wait for the other while holding the row the other needs (a deadlock).
      const results = await Promise.all([
        mergePeople(scope, { keepId: a, removeId: b }),
        mergePeople(scope, { keepId: b, removeId: a }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ kind: "notFound" });
      const left = [await getPerson(scope, a), await getPerson(scope, b)].filter(Boolean);
      expect(left).toHaveLength(1);
    }
  });

  it("does not point a new person at an organisation that is being deleted", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const org = await createOrganisation(scope, { name: "Verdwijnt BV", sector: "government" });
    if (!org.ok) throw new Error("setup");
    let adding: ReturnType<typeof addPerson> | undefined;
    await t.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("organisations").where("id", "=", org.value.id).execute();
      // The form was checked against the organisation while its deletion was not committed yet.
      adding = addPerson(scope, { name: "Piet", organisationId: org.value.id });
      await sleep(300);
    });
    expect(await adding).toMatchObject({
      ok: false,
      kind: "invalid",
      fieldErrors: { organisationId: { key: "validation.choice" } },
    });
  });

  it("erases a person while an action naming them is saved, the one after the other", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    const person = await add(scope, { name: "Sanne de Vries" });
    const action = await createAction(scope, { title: "Leerwerkplaats zorg" });
    if (!action.ok) throw new Error(JSON.stringify(action));
    await t.db
      .insertInto("action_partners")
      .values({ action_id: action.value.id, person_id: person, name: "Sanne de Vries" })
      .execute();
    let erasure: ReturnType<typeof erasePerson> | undefined;
    // The locks updateAction takes, in its order: the action, then the people it names. The
    // erasure starts in between; it must wait for the action, not hold the person meanwhile.
    await t.db.transaction().execute(async (tx) => {
      await tx
        .selectFrom("actions")
        .select("id")
        .where("id", "=", action.value.id)
        .forUpdate()
        .execute();
      erasure = erasePerson(scope, person, { confirmed: true });
      await sleep(300);
      await tx.selectFrom("people").select("id").where("id", "=", person).forShare().execute();
    });
    expect(await erasure).toMatchObject({ ok: true });
    const partners = await t.db
      .selectFrom("action_partners")
      .select("name")
      .where("action_id", "=", action.value.id)
      .execute();
    expect(partners).toEqual([]);
  });
});
