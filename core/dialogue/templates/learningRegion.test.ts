import { describe, expect, it } from "vitest";
import { PHASES, questionsOf, templateSchema, type QuestionKind } from "../template.ts";
import { BUILTIN_TEMPLATES } from "./index.ts";
import { learningRegionTemplate } from "./learningRegion.ts";

/** Every `{ nl, en }` text in a value, with the path it was found at. */
function textsIn(value: unknown, path = "$"): { path: string; nl: unknown; en: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => textsIn(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  if ("nl" in record || "en" in record) return [{ path, nl: record.nl, en: record.en }];
  return Object.entries(record).flatMap(([k, v]) => textsIn(v, `${path}.${k}`));
}

describe("the learning-region template", () => {
  const result = templateSchema.safeParse(learningRegionTemplate);

  it("parses with the template schema", () => {
    expect(result.error?.issues ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  const parsed = templateSchema.parse(learningRegionTemplate);
  const all = questionsOf(parsed).map((x) => x.question);

  it("has unique theme and question ids", () => {
    const themeIds = parsed.themes.map((t) => t.id);
    expect(new Set(themeIds).size).toBe(themeIds.length);
    const ids = all.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has the six themes of the poster, in order", () => {
    expect(parsed.themes.map((t) => t.id)).toEqual([
      "ambitions",
      "cycle",
      "roles",
      "knowledge-management",
      "network-forming",
      "collaborating",
    ]);
  });

  it("asks the group and the individual in every theme", () => {
    for (const theme of parsed.themes) {
      const audiences = new Set(theme.questions.map((q) => q.audience));
      expect([...audiences].sort(), theme.id).toEqual(["group", "individual"]);
    }
  });

  it("pairs every open group question with an open individual one", () => {
    const byId = new Map(all.map((q) => [q.id, q]));
    const groupOpen = all.filter((q) => q.kind === "open" && q.audience === "group");
    expect(groupOpen.length).toBeGreaterThanOrEqual(20);
    for (const q of groupOpen) {
      expect(q.id).toMatch(/-group$/);
      const you = byId.get(q.id.replace(/-group$/, "-you"));
      expect(you, q.id).toMatchObject({ kind: "open", audience: "individual" });
    }
  });

  it("has every text in Dutch and English, never empty", () => {
    const texts = textsIn(parsed);
    expect(texts.length).toBeGreaterThan(100);
    for (const t of texts) {
      expect(typeof t.nl === "string" && t.nl.trim() !== "", `${t.path}.nl`).toBe(true);
      expect(typeof t.en === "string" && t.en.trim() !== "", `${t.path}.en`).toBe(true);
    }
    for (const q of all) expect(q.prompt.nl, q.id).not.toBe(q.prompt.en);
  });

  it("uses every question kind", () => {
    const kinds = new Set(all.map((q) => q.kind));
    const wanted: QuestionKind[] = [
      "open",
      "single",
      "multiple",
      "scale",
      "ladder",
      "phases",
      "ranking",
      "wordcloud",
    ];
    for (const k of wanted) expect(kinds).toContain(k);
  });

  it("opens with the ambition ladder for the group and asks about the phases", () => {
    expect(all[0]).toMatchObject({ id: "ambitions-ladder", kind: "ladder", audience: "group" });
    const cycle = parsed.themes.find((t) => t.id === "cycle")!;
    expect(cycle.questions).toContainEqual(
      expect.objectContaining({ kind: "phases", audience: "individual" }),
    );
    const under = cycle.questions.find((q) => q.kind === "single");
    expect(under?.kind === "single" && under.options.map((o) => o.id)).toEqual([...PHASES]);
  });

  it("closes with six tips", () => {
    expect(parsed.closing.title.nl).toBe("Tips");
    expect(parsed.closing.tips).toHaveLength(6);
  });

  it("credits both works it is based on", () => {
    const sources = parsed.sources.join("\n");
    expect(sources).toMatch(/Kuijer-Siebelink.*\(2022\)\. De lerende regio/);
    expect(sources).toMatch(/Bergman.*\(2017\)\. Op weg naar een lerende regio/);
  });

  it("ships as the built-in template 'learning-region'", () => {
    const keys = BUILTIN_TEMPLATES.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(BUILTIN_TEMPLATES.find((t) => t.key === "learning-region")?.template).toBe(
      learningRegionTemplate,
    );
  });
});
