import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { addStatement } from "./addStatement.ts";
import { benchmark } from "./benchmark.ts";
import { closeRound } from "./closeRound.ts";
import { createScan } from "./createScan.ts";
import { deleteScan } from "./deleteScan.ts";
import { makeLinks } from "./makeLinks.ts";
import { openRound } from "./openRound.ts";
import { scanFormByCode, scanFormByLink, type ScanFormPage } from "./publicQueries.ts";
import { getScan, roundPage, scanDevelopment } from "./queries.ts";
import { removeStatement } from "./removeStatement.ts";
import { setBenchmark } from "./setBenchmark.ts";
import { statementField } from "./statements.ts";
import { submitResponse } from "./submitResponse.ts";

let t: TestDb;
let scope: RegionScope;
let slug: string;
beforeAll(async () => {
  t = await createTestDb();
  const made = await makeScope(t.db, "organiser");
  scope = made.scope;
  slug = made.region.slug;
});
afterAll(async () => {
  await t.dispose();
});

function value<T>(r: { ok: true; value: T } | { ok: false }): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

/** A scan with one open round, and its public form by join code. */
async function scanWithRound(s: RegionScope = scope, regionSlug = slug) {
  const { id } = value(await createScan(s, { title: "Zelfscan 2026" }));
  const round = value(await openRound(s, id, { label: "2026" }));
  const form = (await scanFormByCode(s.db, regionSlug, round.joinCode, "nl"))!;
  return { scanId: id, roundId: round.id, joinCode: round.joinCode, form };
}

/** Answers every statement of the form with `agree`, as the form posts them. */
function answers(form: ScanFormPage, agree: number, extra: Record<string, string> = {}) {
  return {
    ...Object.fromEntries(form.statements.map((s) => [statementField(s.key), String(agree)])),
    ladderNow: "2",
    ladderDesired: "4",
    ...extra,
  };
}

describe("a scan and its rounds", () => {
  it("asks the shipped statements and the region's own, and removes an own one with its answers", async () => {
    const { scanId, form, joinCode } = await scanWithRound();
    expect(form.statements.length).toBe(28);
    const own = value(
      await addStatement(scope, scanId, {
        theme: "network",
        form: "individual",
        text: "Ik ken de bruggenbouwers in onze regio.",
      }),
    );
    const withOwn = (await scanFormByCode(t.db, slug, joinCode, "nl"))!;
    expect(withOwn.statements.at(-1)).toMatchObject({ own: true, form: "individual" });
    value(await submitResponse(t.db, withOwn, answers(withOwn, 4)));
    value(await removeStatement(scope, scanId, own.id));
    const page = (await roundPage(scope, scanId, withOwn.roundId, "nl"))!;
    expect(page.scan.own).toEqual([]);
    expect(page.results.statements.some((s) => s.own)).toBe(false);
  });

  it("opens one round at a time, each with its own code, and a closed round takes no answers", async () => {
    const { scanId, roundId, form } = await scanWithRound();
    const second = await openRound(scope, scanId, {});
    expect(second).toMatchObject({ ok: false, kind: "conflict" });
    value(await closeRound(scope, roundId));
    expect(await submitResponse(t.db, form, answers(form, 3))).toMatchObject({
      ok: false,
      kind: "gone",
    });
    const next = value(await openRound(scope, scanId, { label: "2027" }));
    const detail = (await getScan(scope, scanId, "nl"))!;
    expect(detail.rounds.map((r) => [r.number, r.status])).toEqual([
      [2, "open"],
      [1, "closed"],
    ]);
    expect(next.joinCode).not.toBe(detail.rounds[1]!.joinCode);
  });

  it("keeps a response anonymous, refuses an empty one and answers a bot's honeypot with nothing stored", async () => {
    const { scanId, roundId, form } = await scanWithRound();
    expect(await submitResponse(t.db, form, {})).toMatchObject({
      ok: false,
      error: { key: "scan.form.empty" },
    });
    expect(
      await submitResponse(t.db, form, { [statementField(form.statements[0]!.key)]: "9" }),
    ).toMatchObject({ ok: false, fieldErrors: { [statementField(form.statements[0]!.key)]: {} } });
    expect(value(await submitResponse(t.db, form, { ...answers(form, 4), website: "x" }))).toEqual({
      outcome: "ignored",
    });
    value(await submitResponse(t.db, form, answers(form, 4, { sector: "mbo" })));
    const rows = await t.db
      .selectFrom("scan_responses")
      .select(["name", "sector", "link_nonce"])
      .where("round_id", "=", roundId)
      .execute();
    expect(rows).toEqual([{ name: null, sector: "mbo", link_nonce: null }]);
    const page = (await roundPage(scope, scanId, roundId, "nl"))!;
    expect(page.results.n).toBe(1);
  });

  it("stores one response per personal link; a join code takes many", async () => {
    const { roundId, form } = await scanWithRound();
    const { paths } = value(await makeLinks(scope, roundId, { count: 2 }));
    expect(paths).toHaveLength(2);
    const link = (await scanFormByLink(t.db, paths[0]!.slice("/scan/".length), "nl"))!;
    expect(link.nonce).toBeTruthy();
    expect(value(await submitResponse(t.db, link, answers(link, 2)))).toEqual({
      outcome: "stored",
    });
    expect(value(await submitResponse(t.db, link, answers(link, 5)))).toEqual({
      outcome: "alreadyAnswered",
    });
    value(await submitResponse(t.db, form, answers(form, 3)));
    value(await submitResponse(t.db, form, answers(form, 3)));
    const rows = await t.db
      .selectFrom("scan_responses")
      .select("link_nonce")
      .where("round_id", "=", roundId)
      .execute();
    expect(rows).toHaveLength(3);
    // A forged link opens nothing.
    expect(await scanFormByLink(t.db, `${paths[0]!.slice(6, -3)}abc`, "nl")).toBeNull();
  });

  it("compares rounds over time", async () => {
    const { scanId, roundId, form } = await scanWithRound();
    for (let i = 0; i < 6; i++) value(await submitResponse(t.db, form, answers(form, 2)));
    value(await closeRound(scope, roundId));
    const next = value(await openRound(scope, scanId, {}));
    const form2 = (await scanFormByCode(t.db, slug, next.joinCode, "nl"))!;
    for (let i = 0; i < 6; i++) value(await submitResponse(t.db, form2, answers(form2, 4)));
    const { development } = (await scanDevelopment(scope, scanId, "nl"))!;
    expect(development.rounds.map((r) => r.n)).toEqual([6, 6]);
    const knowledge = development.themes.find((x) => x.theme === "knowledge")!;
    expect(knowledge.changes[0]).toMatchObject({ meanChange: 2, beyondNoise: true });
  });
});

describe("deleting a scan", () => {
  it("asks for confirmation, then takes the rounds and responses with it", async () => {
    const { scanId, roundId, form } = await scanWithRound();
    value(await submitResponse(t.db, form, answers(form, 3)));
    expect(await deleteScan(scope, scanId, { confirmed: false })).toMatchObject({
      kind: "invalid",
      fieldErrors: { confirm: {} },
    });
    value(await deleteScan(scope, scanId, { confirmed: true }));
    expect(await getScan(scope, scanId, "nl")).toBeNull();
    const left = await t.db
      .selectFrom("scan_responses")
      .select("id")
      .where("round_id", "=", roundId)
      .execute();
    expect(left).toEqual([]);
  });
});

describe("isolation", () => {
  it("gives another region's organiser nothing of the scan", async () => {
    const { scanId, roundId, joinCode } = await scanWithRound();
    const other = (await makeScope(t.db, "admin")).scope;
    expect(await getScan(other, scanId, "nl")).toBeNull();
    expect(await roundPage(other, scanId, roundId, "nl")).toBeNull();
    expect(await scanDevelopment(other, scanId, "nl")).toBeNull();
    expect(
      await addStatement(other, scanId, { theme: "roles", form: "group", text: "x" }),
    ).toMatchObject({ kind: "notFound" });
    expect(await openRound(other, scanId, {})).toMatchObject({ kind: "notFound" });
    expect(await closeRound(other, roundId)).toMatchObject({ kind: "notFound" });
    expect(await deleteScan(other, scanId, { confirmed: true })).toMatchObject({
      kind: "notFound",
    });
    expect(await makeLinks(other, roundId, { count: 1 })).toMatchObject({ kind: "notFound" });
    // The join code answers only at its own region's address.
    const otherSlug = (
      await t.db
        .selectFrom("regions")
        .select("slug")
        .where("id", "=", other.regionId)
        .executeTakeFirstOrThrow()
    ).slug;
    expect(await scanFormByCode(t.db, otherSlug, joinCode, "nl")).toBeNull();
  });

  it("lets a facilitator read but not run a scan", async () => {
    const facilitator: RegionScope = { ...scope, role: "facilitator" };
    expect(await createScan(facilitator, { title: "x" })).toMatchObject({ kind: "forbidden" });
    expect(await setBenchmark(scope, { optIn: "on" })).toMatchObject({ kind: "forbidden" });
  });
});

describe("the benchmark across regions", () => {
  it("shows other regions' spread only to a region that takes part, and only from five regions on", async () => {
    const mine = (await makeScope(t.db, "admin")).scope;
    expect(await benchmark(mine)).toEqual({ status: "notOptedIn" });
    value(await setBenchmark(mine, { optIn: "on" }));
    const regions: RegionScope[] = [];
    for (let i = 0; i < 5; i++) {
      const made = await makeScope(t.db, "admin");
      regions.push(made.scope);
      const { form } = await scanWithRound(made.scope, made.region.slug);
      for (let j = 0; j < 5; j++) value(await submitResponse(t.db, form, answers(form, 1 + i)));
      if (i < 4) value(await setBenchmark(made.scope, { optIn: "on" }));
    }
    expect(await benchmark(mine)).toMatchObject({ status: "tooFew" });
    value(await setBenchmark(regions[4]!, { optIn: "on" }));
    const shown = await benchmark(mine);
    if (shown.status !== "shown") throw new Error(JSON.stringify(shown));
    expect(shown.regions).toBeGreaterThanOrEqual(5);
    const knowledge = shown.themes.find((x) => x.theme === "knowledge")!;
    expect(knowledge.min).toBeLessThanOrEqual(1);
    expect(knowledge.max).toBeGreaterThanOrEqual(5);
    expect(knowledge.own).toBeNull();
  });
});
