import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregateAnswers,
  aggregateWithSectors,
  forRoom,
  groupsToShow,
  MIN_GROUP_SIZE,
  wordFrequencies,
  type AnswerRow,
} from "./aggregate.ts";
import { checkAnswer } from "./answerValue.ts";
import { PHASES, type Question } from "./template.ts";

const l = (s: string) => ({ nl: s, en: s });
const single: Question = {
  id: "s",
  kind: "single",
  audience: "individual",
  prompt: l("?"),
  options: [
    { id: "a", label: l("A") },
    { id: "b", label: l("B") },
    { id: "c", label: l("C") },
  ],
};
const phases: Question = { id: "p", kind: "phases", audience: "individual", prompt: l("?") };
const ladder: Question = { id: "l", kind: "ladder", audience: "individual", prompt: l("?") };
const sectors = fc.constantFrom("hbo", "mbo", "government", null);

describe("aggregates", () => {
  it("count every visible answer once: the parts add up to the whole, per sector too", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            value: fc.constantFrom("a", "b", "c"),
            sector: sectors,
            hidden: fc.boolean(),
          }),
        ),
        (rows: AnswerRow[]) => {
          const r = aggregateWithSectors(single, rows);
          const all = r.all as { count: number; counts: Record<string, number> };
          const visible = rows.filter((x) => !x.hidden);
          expect(all.count).toBe(visible.length);
          expect(Object.values(all.counts).reduce((a, b) => a + b, 0)).toBe(visible.length);
          const bySector = Object.values(r.bySector).reduce((a, s) => a + s.count, 0);
          expect(bySector).toBe(visible.filter((x) => x.sector).length);
        },
      ),
    );
  });

  it("name the phase with the least attention, and mean points always sum to 10", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.nat(10), fc.nat(10), fc.nat(10)).filter(([a, b, c]) => a + b + c <= 10),
          { minLength: 1 },
        ),
        (splits) => {
          const rows = splits.map(([a, b, c]) => ({
            value: { urgency: a, network: b, together: c, consolidate: 10 - a - b - c },
            sector: null,
            hidden: false,
          }));
          const agg = aggregateAnswers(phases, rows);
          if (agg.kind !== "phases") throw new Error("kind");
          expect(PHASES.reduce((s, p) => s + agg.mean[p], 0)).toBeCloseTo(10, 1);
          const min = Math.min(...PHASES.map((p) => agg.mean[p]));
          expect(agg.mean[agg.underexposed!]).toBe(min);
        },
      ),
    );
  });

  it("show now versus desired on the ladder with the spread", () => {
    const agg = aggregateAnswers(ladder, [
      { value: { now: 2, desired: 5 }, sector: null, hidden: false },
      { value: { now: 4, desired: 5 }, sector: null, hidden: false },
    ]);
    expect(agg).toMatchObject({
      meanNow: 3,
      meanDesired: 5,
      spreadNow: 1,
      spreadDesired: 0,
      now: { "2": 1, "4": 1 },
    });
  });

  it("leave stop words out of the word cloud and count forms of one word together", () => {
    const words = wordFrequencies(
      ["de samenwerking", "samenwerken", "Samenwerking en vertrouwen", "the trust"],
      "nl",
    );
    expect(words[0]).toEqual({ word: "samenwerking", count: 3 });
    expect(words.map((w) => w.word)).not.toContain("de");
    expect(words.map((w) => w.word)).not.toContain("the");
  });
});

describe("answer checks", () => {
  it("refuse phase points that do not add up to 10 and ladder levels outside 1–5", () => {
    expect(checkAnswer(phases, { urgency: 5, network: 5, together: 5, consolidate: 0 })).toEqual({
      ok: false,
      error: "dialogue.answerPhases",
    });
    expect(checkAnswer(ladder, { now: 0, desired: 6 })).toEqual({
      ok: false,
      error: "dialogue.answerLadder",
    });
    expect(checkAnswer(ladder, { now: "", desired: "3" })).toEqual({
      ok: false,
      error: "dialogue.answerLadder",
    });
    expect(checkAnswer(ladder, { now: "2", desired: "5" })).toEqual({
      ok: true,
      value: { now: 2, desired: 5 },
    });
    expect(checkAnswer(single, "z")).toEqual({ ok: false, error: "dialogue.answerChoice" });
  });

  it("refuse an oversized open answer and keep HTML as plain text", () => {
    const open: Question = { id: "o", kind: "open", audience: "individual", prompt: l("?") };
    expect(checkAnswer(open, "x".repeat(2001))).toEqual({
      ok: false,
      error: "dialogue.answerTooLong",
    });
    expect(checkAnswer(open, "<script>alert(1)</script>")).toEqual({
      ok: true,
      value: "<script>alert(1)</script>",
    });
  });
});

describe("the minimum group size for the room and the public", () => {
  it("shows a group of three apart and leaves one of one or two out", () => {
    expect(MIN_GROUP_SIZE).toBe(3);
    expect(groupsToShow({ hbo: 2, mbo: 3, government: 4, wo: 1 }, 10)).toEqual({
      shown: ["government", "mbo"],
      withheld: { small: 2, extra: 0 },
    });
    // A sector whose every answer was hidden tells only that someone of it answered.
    expect(groupsToShow({ hbo: 0, mbo: 3 }, 3).shown).toEqual(["mbo"]);
  });

  it("leaves a larger group out too when the total minus the shown ones would be one or two people", () => {
    // 3 + 4 shown of 9 would leave the two of hbo to be read from the total.
    expect(groupsToShow({ hbo: 2, mbo: 3, government: 4 }, 9)).toEqual({
      shown: ["government"],
      withheld: { small: 1, extra: 1 },
    });
    // The same for one person without a sector.
    expect(groupsToShow({ mbo: 3, government: 4 }, 8)).toEqual({
      shown: ["government"],
      withheld: { small: 0, extra: 1 },
    });
    expect(groupsToShow({ mbo: 5 }, 6)).toEqual({
      shown: [],
      withheld: { small: 0, extra: 1 },
    });
  });

  it("never shows a group below the minimum, nor a rest of one or two beside shown groups", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom("a", "b", "c", "d", "e"), fc.nat(8)),
        fc.nat(4),
        (sizes, unsectored) => {
          const total = Object.values(sizes).reduce((a, b) => a + b, 0) + unsectored;
          const { shown, withheld } = groupsToShow(sizes, total);
          for (const key of shown) expect(sizes[key]).toBeGreaterThanOrEqual(MIN_GROUP_SIZE);
          const rest = total - shown.reduce((n, key) => n + sizes[key]!, 0);
          // With nothing shown apart, the rest is the whole: the room's own figure.
          if (shown.length > 0) expect(rest === 0 || rest >= MIN_GROUP_SIZE).toBe(true);
          expect(shown.length + withheld.small + withheld.extra).toBe(Object.keys(sizes).length);
        },
      ),
    );
  });

  it("takes small sectors out of a question's results for the room, keeping the whole", () => {
    const rows: AnswerRow[] = [
      ...["mbo", "mbo", "mbo", "hbo", "hbo", null, null, null].map((sector, i) => ({
        value: i % 2 ? "a" : "b",
        sector,
        hidden: false,
      })),
    ];
    const full = aggregateWithSectors(single, rows);
    expect(Object.keys(full.bySector).sort()).toEqual(["hbo", "mbo"]);
    expect(full.withheld).toBeUndefined();
    const room = forRoom(full);
    expect(Object.keys(room.bySector)).toEqual(["mbo"]);
    expect(room.all).toEqual(full.all);
    expect(room.withheld).toEqual({ small: 1, extra: 0 });
    expect(forRoom(room)).toEqual(room);
  });
});
