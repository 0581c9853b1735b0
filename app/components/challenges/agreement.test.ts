import { describe, expect, it } from "vitest";
import { agreement, agrees } from "./agreement.ts";

describe("agreement between parties", () => {
  it("groups per sector, with mean and range, and the same over all parties", () => {
    const { perSector, all } = agreement([
      { sector: "mbo", urgency: 5, importance: 2 },
      { sector: "mbo", urgency: 4, importance: 5 },
      { sector: "company", urgency: 1, importance: 3 },
      { sector: "unheard-of", urgency: 3, importance: 3 },
      { sector: "other", urgency: 2, importance: 3 },
      { sector: null, urgency: 3, importance: 3 },
    ]);
    expect(perSector).toEqual([
      {
        sector: "sectors.mbo",
        parties: 2,
        urgency: { mean: 4.5, min: 4, max: 5 },
        importance: { mean: 3.5, min: 2, max: 5 },
      },
      {
        sector: "sectors.company",
        parties: 1,
        urgency: { mean: 1, min: 1, max: 1 },
        importance: { mean: 3, min: 3, max: 3 },
      },
      // A sector the list does not know reads as "other", together with "other" itself.
      {
        sector: "sectors.other",
        parties: 2,
        urgency: { mean: 2.5, min: 2, max: 3 },
        importance: { mean: 3, min: 3, max: 3 },
      },
      {
        sector: null,
        parties: 1,
        urgency: { mean: 3, min: 3, max: 3 },
        importance: { mean: 3, min: 3, max: 3 },
      },
    ]);
    expect(all).toMatchObject({ parties: 6, urgency: { min: 1, max: 5 } });
    expect(agrees(perSector[0]!.urgency)).toBe(true);
    expect(agrees(perSector[0]!.importance)).toBe(false);
  });

  it("has nothing to say without ratings", () => {
    expect(agreement([])).toEqual({ perSector: [], all: null });
  });
});
