import { describe, expect, it } from "vitest";
import { agreement, agrees } from "./agreement.ts";

describe("agreement between parties", () => {
  it("groups per sector and per perspective, with mean and range, and over all parties", () => {
    const { perSector, perPerspective, all } = agreement([
      { sector: "mbo", perspective: "education", urgency: 5, importance: 2 },
      { sector: "mbo", perspective: null, urgency: 4, importance: 5 },
      { sector: "company", perspective: "work", urgency: 1, importance: 3 },
      { sector: "unheard-of", perspective: "education", urgency: 3, importance: 3 },
      { sector: "other", perspective: "not-a-perspective", urgency: 2, importance: 3 },
      { sector: null, perspective: null, urgency: 3, importance: 3 },
    ]);
    expect(perSector).toEqual([
      {
        group: "sectors.mbo",
        parties: 2,
        urgency: { mean: 4.5, min: 4, max: 5 },
        importance: { mean: 3.5, min: 2, max: 5 },
      },
      {
        group: "sectors.company",
        parties: 1,
        urgency: { mean: 1, min: 1, max: 1 },
        importance: { mean: 3, min: 3, max: 3 },
      },
      // A sector the list does not know reads as "other", together with "other" itself.
      {
        group: "sectors.other",
        parties: 2,
        urgency: { mean: 2.5, min: 2, max: 3 },
        importance: { mean: 3, min: 3, max: 3 },
      },
      {
        group: null,
        parties: 1,
        urgency: { mean: 3, min: 3, max: 3 },
        importance: { mean: 3, min: 3, max: 3 },
      },
    ]);
    // Only ratings with a known perspective count in that view.
    expect(perPerspective).toEqual([
      {
        group: "perspectives.education",
        parties: 2,
        urgency: { mean: 4, min: 3, max: 5 },
        importance: { mean: 2.5, min: 2, max: 3 },
      },
      {
        group: "perspectives.work",
        parties: 1,
        urgency: { mean: 1, min: 1, max: 1 },
        importance: { mean: 3, min: 3, max: 3 },
      },
    ]);
    expect(all).toMatchObject({ group: null, parties: 6, urgency: { min: 1, max: 5 } });
    expect(agrees(perSector[0]!.urgency)).toBe(true);
    expect(agrees(perSector[0]!.importance)).toBe(false);
  });

  it("has nothing to say without ratings", () => {
    expect(agreement([])).toEqual({ perSector: [], perPerspective: [], all: null });
  });
});
