import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregateAnswers,
  aggregateWithSectors,
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
