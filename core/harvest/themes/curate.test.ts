import { describe, expect, it } from "vitest";
import { replaceable, touched } from "./curate.ts";

describe("a theme a person touched", () => {
  it("is curated, whatever the edit sets", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(touched({ summary: "Tekst" }, at)).toEqual({
      summary: "Tekst",
      origin: "curated",
      updated_at: at,
    });
    expect(touched({}, at)).toEqual({ origin: "curated", updated_at: at });
    // An edit cannot smuggle 'proposed' back in.
    expect(touched({ origin: "proposed" } as object, at)).toMatchObject({ origin: "curated" });
  });

  it("is never replaced by proposing again; only the platform's own proposal is", () => {
    expect(replaceable("proposed")).toBe(true);
    expect(replaceable("curated")).toBe(false);
    expect(replaceable(touched({}).origin)).toBe(false);
    expect(replaceable(null)).toBe(false);
  });
});
