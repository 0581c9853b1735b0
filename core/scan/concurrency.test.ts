import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { createScan } from "./createScan.ts";
import { makeLinks } from "./makeLinks.ts";
import { openRound } from "./openRound.ts";
import { scanFormByLink } from "./publicQueries.ts";
import { statementField } from "./statements.ts";
import { submitResponse } from "./submitResponse.ts";

/**
 * The same personal link sent several times at once (a double tap, a retry on a bad connection),
 * and two organisers opening a round at once. Only PostgreSQL can show it (PGlite is one
 * connection, one transaction after the other); without TEST_DATABASE_URL these are skipped.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)("the self-scan under concurrency", () => {
  let t: TestDb;
  let scope: RegionScope;
  beforeAll(async () => {
    t = await createTestDb();
    scope = (await makeScope(t.db, "organiser")).scope;
  });
  afterAll(async () => {
    await t.dispose();
  });

  it("stores one response when one personal link is submitted eight times at once", async () => {
    const scan = await createScan(scope, { title: "Zelfscan" });
    if (!scan.ok) throw new Error(JSON.stringify(scan));
    const round = await openRound(scope, scan.value.id, {});
    if (!round.ok) throw new Error(JSON.stringify(round));
    const links = await makeLinks(scope, round.value.id, { count: 1 });
    if (!links.ok) throw new Error(JSON.stringify(links));
    const form = (await scanFormByLink(t.db, links.value.paths[0]!.slice(6), "nl"))!;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        submitResponse(t.db, form, {
          [statementField(form.statements[0]!.key)]: String(1 + (i % 5)),
          sector: "mbo",
        }),
      ),
    );
    const outcomes = results.map((r) => (r.ok ? r.value.outcome : r.error.key)).sort();
    expect(outcomes).toEqual(["alreadyAnswered", ...Array(6).fill("alreadyAnswered"), "stored"]);
    const responses = await t.db
      .selectFrom("scan_responses")
      .select("id")
      .where("round_id", "=", round.value.id)
      .execute();
    expect(responses).toHaveLength(1);
    const answers = await t.db
      .selectFrom("scan_answers")
      .select("value")
      .where("response_id", "=", responses[0]!.id)
      .execute();
    expect(answers).toHaveLength(1);
  });

  it("opens one round when two organisers open one at the same moment", async () => {
    for (let i = 0; i < 3; i++) {
      const scan = await createScan(scope, { title: `Zelfscan ${i}` });
      if (!scan.ok) throw new Error(JSON.stringify(scan));
      const results = await Promise.all([
        openRound(scope, scan.value.id, {}),
        openRound(scope, scan.value.id, {}),
      ]);
      expect(results.map((r) => (r.ok ? "ok" : r.kind)).sort()).toEqual(["conflict", "ok"]);
    }
  });
});
