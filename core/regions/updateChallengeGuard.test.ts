import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { readChallengeGuard, updateChallengeGuard } from "./updateChallengeGuard.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

const valid = {
  staleAfterWeeks: "8",
  phaseMaxMonths: "12",
  roles: "Initiatiefnemer\r\n  Kennismakelaar \n\nWijkverpleegkundige\n",
};

describe("updateChallengeGuard", () => {
  it("saves the thresholds and the roles, a default's Dutch name kept as its key", async () => {
    const { scope } = await makeScope(t.db, "admin");
    expect(await updateChallengeGuard(scope, valid, "nl")).toEqual({ ok: true, value: null });
    expect(await readChallengeGuard(scope)).toEqual({
      staleAfterWeeks: 8,
      phaseMaxMonths: 12,
      roles: ["initiator", "knowledgeBroker", "Wijkverpleegkundige"],
    });
  });

  it("maps the English names back in English, and leaves a Dutch name as the region's own", async () => {
    const { scope } = await makeScope(t.db, "admin");
    await updateChallengeGuard(scope, { ...valid, roles: "Funder\nFinancier" }, "en");
    expect((await readChallengeGuard(scope)).roles).toEqual(["funder", "Financier"]);
  });

  it("refuses thresholds out of range, and changes nothing", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const r = await updateChallengeGuard(
      scope,
      { ...valid, staleAfterWeeks: "0", phaseMaxMonths: "61" },
      "nl",
    );
    expect(r).toMatchObject({
      ok: false,
      kind: "invalid",
      fieldErrors: {
        staleAfterWeeks: { key: "challengePages.settings.staleRange" },
        phaseMaxMonths: { key: "challengePages.settings.phaseRange" },
      },
    });
    expect(await readChallengeGuard(scope)).toMatchObject({
      staleAfterWeeks: 6,
      phaseMaxMonths: 6,
    });
  });

  it("refuses a duplicate (also as a default's name), a too long role and more than 30", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const dup = await updateChallengeGuard(scope, { ...valid, roles: "Financier\nfunder" }, "nl");
    expect(dup).toMatchObject({
      fieldErrors: { roles: { key: "challengePages.settings.duplicateRole" } },
    });
    const long = await updateChallengeGuard(
      scope,
      { ...valid, roles: `a\n${"x".repeat(101)}` },
      "nl",
    );
    expect(long).toMatchObject({
      fieldErrors: { roles: { key: "challengePages.settings.roleTooLong", values: { max: 100 } } },
    });
    const many = Array.from({ length: 31 }, (_, i) => `Rol ${i}`).join("\n");
    expect(await updateChallengeGuard(scope, { ...valid, roles: many }, "nl")).toMatchObject({
      fieldErrors: { roles: { key: "validation.tooMany" } },
    });
    expect((await readChallengeGuard(scope)).roles).toHaveLength(6);
  });

  it("is for admins only", async () => {
    const { scope } = await makeScope(t.db, "organiser");
    expect(await updateChallengeGuard(scope, valid, "nl")).toMatchObject({ kind: "forbidden" });
  });
});
