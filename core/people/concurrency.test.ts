import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { addPerson } from "./addPerson.ts";
import { createOrganisation } from "./createOrganisation.ts";
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
});
