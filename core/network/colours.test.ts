import { describe, expect, it } from "vitest";
import { SECTORS } from "../kernel/sectors.ts";
import { COMMUNITY_COLOURS, communityColour, SECTOR_COLOURS, sectorColour } from "./colours.ts";

/** WCAG 2 contrast ratio of a #rrggbb colour against white. */
function contrastOnWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

describe("the map's colours", () => {
  it("give each of the eight sectors its own colour, each readable as a dot on white (3:1)", () => {
    expect(Object.keys(SECTOR_COLOURS).sort()).toEqual([...SECTORS].sort());
    expect(new Set(Object.values(SECTOR_COLOURS)).size).toBe(SECTORS.length);
    for (const [sector, colour] of Object.entries(SECTOR_COLOURS))
      expect(contrastOnWhite(colour), sector).toBeGreaterThanOrEqual(3);
    expect(sectorColour("no-such-sector")).toBe(SECTOR_COLOURS.other);
  });

  it("give communities distinct colours on white (3:1), repeating past the palette", () => {
    expect(new Set(COMMUNITY_COLOURS).size).toBe(COMMUNITY_COLOURS.length);
    for (const colour of COMMUNITY_COLOURS)
      expect(contrastOnWhite(colour), colour).toBeGreaterThanOrEqual(3);
    expect(communityColour(COMMUNITY_COLOURS.length + 1)).toBe(communityColour(1));
  });
});
