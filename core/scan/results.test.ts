import { describe, expect, it } from "vitest";
import { changeBetween, development } from "./compare.ts";
import { roundResults, shownGroups, summarise, type ResponseData } from "./results.ts";
import { statementsOf } from "./statements.ts";

const statements = statementsOf([], "nl");

/** A response agreeing `group` with every "about us" statement and `me` with every "about me". */
function response(
  sector: string | null,
  group: number,
  me: number,
  perspective: string | null = null,
): ResponseData {
  return {
    sector,
    perspective,
    ladderNow: 2,
    ladderDesired: 4,
    phases: [4, 3, 2, 1],
    answers: new Map(
      statements
        .filter((s) => s.theme !== "network")
        .map((s) => [s.key, s.form === "group" ? group : me]),
    ),
  };
}

describe("the spread of a round", () => {
  it("gives counts per value, median and quartiles, not only the mean", () => {
    expect(summarise([1, 2, 2, 3, 5])).toEqual({
      n: 5,
      counts: [1, 2, 1, 0, 1],
      mean: 2.6,
      median: 2,
      q1: 2,
      q3: 3,
    });
    expect(summarise([])).toMatchObject({ n: 0, mean: null, median: null });
  });

  it("scores each theme about the group and about oneself, with the gap between them", () => {
    const r = roundResults(
      [response("government", 2, 4), response("government", 3, 5), response("mbo", 2, 4)],
      statements,
    );
    const knowledge = r.themes.find((t) => t.theme === "knowledge")!;
    expect(knowledge.group.median).toBe(2);
    expect(knowledge.individual.median).toBe(4);
    expect(knowledge.gap).toBeCloseTo(2);
    // Nobody answered the network statements: no score, and it cannot be the weakest.
    expect(r.themes.find((t) => t.theme === "network")!.all.n).toBe(0);
    expect(r.weakest).not.toBe("network");
    expect(r.ladderDesired.median).toBe(4);
    expect(r.phases.map((p) => p.median)).toEqual([4, 3, 2, 1]);
  });

  it("names the essential with the lowest score as the weakest", () => {
    const low: ResponseData = {
      ...response("mbo", 4, 4),
      answers: new Map(
        statements.map((s) => [s.key, s.theme === "collaboration" ? 1 : 4] as const),
      ),
    };
    expect(roundResults([low], statements).weakest).toBe("collaboration");
  });
});

describe("groups of fewer than five", () => {
  it("hides a sector with fewer than five respondents", () => {
    const responses = [
      ...Array.from({ length: 5 }, () => response("government", 3, 4)),
      ...Array.from({ length: 3 }, () => response("hbo", 3, 4)),
      ...Array.from({ length: 2 }, () => response("mbo", 3, 4)),
      ...Array.from({ length: 2 }, () => response("company", 3, 4)),
    ];
    const bySector = roundResults(responses, statements).bySector;
    const shown = bySector.filter((g) => !g.hidden).map((g) => [g.key, g.n]);
    expect(shown).toEqual([["government", 5]]);
    const hidden = bySector.filter((g) => g.hidden);
    expect(hidden.map((g) => g.key).sort()).toEqual(["company", "hbo", "mbo"]);
    // A hidden group tells neither its size nor its scores.
    expect(hidden.every((g) => g.n === null && g.themes.length === 0)).toBe(true);
  });

  it("also hides the smallest shown group when the hidden ones together would be given away", () => {
    // 6 + 5 + 2: the whole minus the two shown groups would reveal the two people of the third.
    const shown = shownGroups(
      new Map<string | null, number>([
        ["government", 6],
        ["hbo", 5],
        ["mbo", 2],
      ]),
    );
    expect([...shown]).toEqual(["government"]);
    // Hidden groups of five or more together give nothing away.
    expect([
      ...shownGroups(
        new Map<string | null, number>([
          ["government", 5],
          ["hbo", 3],
          ["mbo", 2],
        ]),
      ),
    ]).toEqual(["government"]);
  });

  it("treats respondents who gave no perspective as a group of their own", () => {
    const responses = Array.from({ length: 6 }, () => response("mbo", 3, 4));
    const byPerspective = roundResults(responses, statements).byPerspective;
    expect(byPerspective).toHaveLength(1);
    expect(byPerspective[0]).toMatchObject({ key: null, n: 6, hidden: false });
  });
});

describe("whether a change between rounds is larger than the noise", () => {
  it("finds a clear rise significant", () => {
    const before = [1, 2, 2, 3, 2, 1, 2, 3, 2, 2];
    const after = [4, 5, 4, 4, 5, 3, 4, 5, 4, 4];
    const c = changeBetween(before, after);
    expect(c.meanChange).toBeCloseTo(2.2);
    expect(c.p).toBeLessThan(0.01);
    expect(c.beyondNoise).toBe(true);
  });

  it("finds a small shift in two noisy rounds within the noise", () => {
    // simple-statistics' own example: the difference in means has p ≈ 0.13.
    const c = changeBetween([2, 5, 3, 6, 7, 2, 5], [20, 5, 13, 12, 7, 2, 2]);
    expect(c.p).toBeGreaterThan(0.08);
    expect(c.p).toBeLessThan(0.2);
    expect(c.beyondNoise).toBe(false);
    // The same rounds give the same p-value every time (seeded).
    expect(changeBetween([2, 5, 3, 6, 7, 2, 5], [20, 5, 13, 12, 7, 2, 2]).p).toBe(c.p);
  });

  it("says nothing about significance with fewer than two answers in a round", () => {
    expect(changeBetween([3], [4, 5])).toEqual({ meanChange: 1.5, p: null, beyondNoise: null });
    expect(changeBetween([], [4, 5]).meanChange).toBeNull();
  });

  it("follows the same statements over rounds, oldest first", () => {
    const d = development(
      [
        {
          id: "b",
          number: 2,
          label: "2027",
          openedAt: new Date("2027-01-01"),
          responses: Array.from({ length: 8 }, () => response("mbo", 4, 4)),
        },
        {
          id: "a",
          number: 1,
          label: "2026",
          openedAt: new Date("2026-01-01"),
          responses: Array.from({ length: 8 }, (_, i) => response("mbo", 1 + (i % 2), 2)),
        },
      ],
      statements,
    );
    expect(d.rounds.map((r) => r.label)).toEqual(["2026", "2027"]);
    const knowledge = d.themes.find((t) => t.theme === "knowledge")!;
    expect(knowledge.changes[0]!.beyondNoise).toBe(true);
    // Network statements were answered in no round: not followed.
    expect(d.statements.some((s) => s.theme === "network")).toBe(false);
    expect(d.statements.length).toBeGreaterThan(0);
  });
});
