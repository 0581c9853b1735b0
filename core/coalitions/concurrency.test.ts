import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { makeCuratedHarvest } from "../../test/harvestFixtures.ts";
import { createAction } from "../actions/createAction.ts";
import { setAgendaPublic } from "../harvest/setAgendaPublic.ts";
import { createCoalition } from "./createCoalition.ts";
import { expressInterest } from "./expressInterest.ts";
import { linkAction } from "./linkAction.ts";

/**
 * A link or an interest points at a row it checked first: the check must hold the row until the
 * write, or a deletion in between makes the foreign key fail (a 500). Only PostgreSQL can show
 * it (PGlite is one connection); without TEST_DATABASE_URL these tests are skipped.
 */
describe.runIf(process.env.TEST_DATABASE_URL)("coalitions under concurrency", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.dispose();
  });

  async function setup() {
    const { scope } = await makeScope(t.db, "organiser");
    const h = await makeCuratedHarvest(scope);
    const action = await createAction(scope, { title: "Leerdag", themeId: h.themes.culture });
    if (!action.ok) throw new Error("no action");
    const coalition = await createCoalition(scope, { title: "Zorg", actionId: action.value.id });
    if (!coalition.ok) throw new Error("no coalition");
    await setAgendaPublic(scope, h.harvest.id, true);
    return { scope, actionId: action.value.id, coalitionId: coalition.value.id };
  }

  it("links no action that is being deleted", async () => {
    const { scope, actionId } = await setup();
    const other = await createCoalition(scope, { title: "Onderwijs" });
    if (!other.ok) throw new Error("setup");
    let linking: ReturnType<typeof linkAction> | undefined;
    await t.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("actions").where("id", "=", actionId).execute();
      linking = linkAction(scope, other.value.id, { actionId });
      await sleep(300);
    });
    expect(await linking).toMatchObject({ ok: false, kind: "notFound" });
  });

  it("takes no interest for a coalition that is being deleted", async () => {
    const { scope, coalitionId } = await setup();
    let offering: ReturnType<typeof expressInterest> | undefined;
    await t.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("coalitions").where("id", "=", coalitionId).execute();
      offering = expressInterest(t.db, scope.regionId, {
        coalitionId,
        name: "Piet",
        email: "piet@example.org",
        consent: "on",
      });
      await sleep(300);
    });
    expect(await offering).toMatchObject({ ok: false, kind: "notFound" });
  });
});
