import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../../test/db.ts";
import { makeScope } from "../../../test/fixtures.ts";
import { createAction } from "../../actions/createAction.ts";
import { linkTheme } from "../../actions/linkTheme.ts";
import { proposeThemes } from "./proposeThemes.ts";
import { selectQuote } from "./selectQuote.ts";

/**
 * Every change to a harvest's themes waits for the harvest's row lock, and reads the theme only
 * once it holds it: a theme replaced by a proposal that held the lock is "not found", never a
 * link or quote pointing at a deleted theme (a foreign-key 500). Only PostgreSQL can show it
 * (PGlite is one connection); without TEST_DATABASE_URL these tests are skipped.
 */
describe.runIf(process.env.TEST_DATABASE_URL)("themes under concurrency", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    await t.dispose();
  });

  const TEXTS = [
    "Meer stageplaatsen bij bedrijven",
    "Stage voor studenten is lastig te vinden",
    "Goede begeleiding tijdens de stage",
    "Werkdruk in de zorg is te hoog",
    "Minder werkdruk voor het zorgpersoneel",
    "Zorgpersoneel vasthouden en opleiden",
  ];

  /** A harvest with proposed themes, and what a proposal running at this moment would delete. */
  async function proposed() {
    const { scope } = await makeScope(t.db, "organiser");
    const harvest = await t.db
      .insertInto("harvests")
      .values({ region_id: scope.regionId, slug: "oogst", title: "Oogst" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const rows = await t.db
      .insertInto("contributions")
      .values(
        TEXTS.map((text) => ({
          harvest_id: harvest.id,
          region_id: scope.regionId,
          text,
          origin: "manual" as const,
        })),
      )
      .returning("id")
      .execute();
    expect((await proposeThemes(scope, harvest.id)).ok).toBe(true);
    const { theme_id } = await t.db
      .selectFrom("contributions")
      .select("theme_id")
      .where("id", "=", rows[0]!.id)
      .executeTakeFirstOrThrow();
    /** Holds the harvest's lock, as proposing does, and deletes the proposed themes under it. */
    const reproposing = async (during: () => void) =>
      t.db.transaction().execute(async (trx) => {
        await trx
          .selectFrom("harvests")
          .select("id")
          .where("id", "=", harvest.id)
          .forUpdate()
          .execute();
        during();
        await sleep(300);
        await trx
          .deleteFrom("harvest_themes")
          .where("harvest_id", "=", harvest.id)
          .where("origin", "=", "proposed")
          .execute();
      });
    return {
      scope,
      harvestId: harvest.id,
      themeId: theme_id!,
      contributionId: rows[0]!.id,
      reproposing,
    };
  }

  it("links no action to a theme that a proposal is replacing", async () => {
    const { scope, themeId, reproposing } = await proposed();
    const action = await createAction(scope, { title: "Stagebank" });
    if (!action.ok) throw new Error("setup");
    let linking: ReturnType<typeof linkTheme> | undefined;
    await reproposing(() => {
      linking = linkTheme(scope, action.value.id, { themeId });
    });
    expect(await linking).toMatchObject({ ok: false, kind: "notFound" });
  });

  it("makes no action from a theme that a proposal is replacing", async () => {
    const { scope, themeId, reproposing } = await proposed();
    let creating: ReturnType<typeof createAction> | undefined;
    await reproposing(() => {
      creating = createAction(scope, { title: "Stagebank", themeId });
    });
    expect(await creating).toMatchObject({ ok: false, kind: "notFound" });
    const actions = t.db.selectFrom("actions").select("id");
    expect(await actions.where("region_id", "=", scope.regionId).execute()).toEqual([]);
  });

  it("quotes nothing of a theme that a proposal is replacing", async () => {
    const { scope, harvestId, themeId, contributionId, reproposing } = await proposed();
    let quoting: ReturnType<typeof selectQuote> | undefined;
    await reproposing(() => {
      quoting = selectQuote(scope, harvestId, { themeId, contributionId });
    });
    expect(await quoting).toMatchObject({ ok: false, kind: "notFound" });
  });
});
