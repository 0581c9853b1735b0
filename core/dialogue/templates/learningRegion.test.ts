import { describe, expect, it } from "vitest";
import { questionsOf, templateSchema } from "../template.ts";
import { learningRegionTemplate } from "./learningRegion.ts";

describe("the learning-region template", () => {
  const parsed = templateSchema.parse(learningRegionTemplate);
  const all = questionsOf(parsed);

  it("has unique question ids", () => {
    const ids = all.map((x) => x.question.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("asks the group and the individual in every theme", () => {
    for (const theme of parsed.themes) {
      expect(
        theme.questions.some((q) => q.audience === "group"),
        theme.id,
      ).toBe(true);
      expect(
        theme.questions.some((q) => q.audience === "individual"),
        theme.id,
      ).toBe(true);
    }
  });

  it("uses every question kind and covers the six themes and six tips", () => {
    const kinds = new Set(all.map((x) => x.question.kind));
    for (const k of [
      "open",
      "single",
      "multiple",
      "scale",
      "ladder",
      "phases",
      "ranking",
      "wordcloud",
    ])
      expect(kinds).toContain(k);
    expect(parsed.themes.map((t) => t.id)).toEqual([
      "ambitions",
      "cycle",
      "roles",
      "knowledge-management",
      "network-forming",
      "collaborating",
    ]);
    expect(parsed.closing.tips).toHaveLength(6);
  });

  it("has every text in Dutch and English, and credits both sources", () => {
    const texts = JSON.stringify(parsed).match(/"nl":"[^"]*","en":"[^"]*"/g) ?? [];
    expect(texts.length).toBeGreaterThan(50);
    for (const t of texts) expect(t).not.toMatch(/"(nl|en)":""/);
    expect(parsed.sources.join(" ")).toMatch(/Kuijer-Siebelink.*2022/);
    expect(parsed.sources.join(" ")).toMatch(/Bergman.*2017/);
  });
});
