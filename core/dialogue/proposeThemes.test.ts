import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { proposeThemes } from "./proposeThemes.ts";

const answers = (texts: string[]) => texts.map((text, i) => ({ id: `a${i}`, text }));

const STAGE = [
  "Meer stageplaatsen bij bedrijven in de regio",
  "Stage voor studenten is lastig te vinden",
  "Te weinig stageplaatsen voor mbo-studenten",
  "Goede begeleiding tijdens de stage",
];
const ZORG = [
  "Personeelstekort in de zorg",
  "De zorg heeft te weinig personeel",
  "Zorgpersoneel vasthouden en opleiden",
  "Werkdruk in de zorg verlagen",
];
const ENERGIE = [
  "Warmtenet in de wijk aanleggen",
  "Energie besparen met een warmtenet",
  "Energietransitie: warmtenetten en isolatie",
  "Energie delen in de buurt",
];

/** The theme holding the answer with this text. */
function themeOf(
  themes: ReturnType<typeof proposeThemes>,
  ids: string[],
  texts: string[],
  text: string,
) {
  const id = ids[texts.indexOf(text)]!;
  return themes.find((t) => t.answerIds.includes(id))!;
}

describe("proposing themes for open answers", () => {
  // Mixed, so that the order of the answers gives nothing away.
  const texts = [0, 1, 2, 3].flatMap((i) => [STAGE[i]!, ZORG[i]!, ENERGIE[i]!]);
  const input = answers(texts);
  const ids = input.map((a) => a.id);

  it("puts answers about the same subject together and names the theme by its telling word", () => {
    const themes = proposeThemes(input, "nl");
    expect(themes).toHaveLength(3);
    for (const [group, word] of [
      [STAGE, /stage/],
      [ZORG, /zorg|personeel/],
      [ENERGIE, /energie|warmtenet/],
    ] as const) {
      const theme = themeOf(themes, ids, texts, group[0]!);
      expect(theme.answerIds.map((id) => texts[ids.indexOf(id)])).toEqual(
        expect.arrayContaining([...group]),
      );
      expect(theme.answerIds).toHaveLength(4);
      expect(theme.label).toMatch(word);
      expect(theme.other).toBe(false);
    }
  });

  it("labels with words as the answers spell them, not with stems", () => {
    const themes = proposeThemes(input, "nl");
    const labels = themes.flatMap((t) => t.terms);
    expect(labels).not.toContain("stag");
    expect(labels).not.toContain("personel");
    for (const term of labels) expect(texts.join(" ").toLowerCase()).toContain(term);
  });

  it("gives the same proposal every time", () => {
    expect(proposeThemes(input, "nl")).toEqual(proposeThemes(input, "nl"));
  });

  it("joins Dutch compounds and their parts (stageplaatsen with stage, zorgpersoneel with zorg)", () => {
    const themes = proposeThemes(
      answers(["stageplaatsen", "stage", "zorgpersoneel", "zorg", "warmtenetten", "warmtenet"]),
      "nl",
    );
    expect(themes.map((t) => t.answerIds)).toEqual(
      expect.arrayContaining([
        ["a0", "a1"],
        ["a2", "a3"],
        ["a4", "a5"],
      ]),
    );
  });

  it("puts answers of only stop words, and answers that share no word, under Overig", () => {
    const themes = proposeThemes(
      answers([...STAGE, "ja", "Het is wat het is", "fietspaden!"]),
      "nl",
    );
    const other = themes.find((t) => t.other)!;
    expect(other.label).toBe("Overig");
    expect(other.answerIds).toEqual(["a4", "a5", "a6"]);
    expect(themes.at(-1)).toBe(other);
    expect(proposeThemes(answers(["and the", "of it"]), "en")).toEqual([
      { label: "Other", terms: [], answerIds: ["a0", "a1"], other: true },
    ]);
  });

  it("handles no answers, one answer, two answers and identical answers", () => {
    expect(proposeThemes([], "nl")).toEqual([]);
    expect(proposeThemes(answers(["Meer stageplaatsen"]), "nl")).toEqual([
      { label: "stageplaatsen", terms: ["stageplaatsen"], answerIds: ["a0"], other: false },
    ]);
    // Two answers without a shared word: nothing to group, each its own theme.
    const two = proposeThemes(answers(["stageplaatsen", "warmtenet"]), "nl");
    expect(two.map((t) => t.answerIds)).toEqual([["a0"], ["a1"]]);
    // Two that share a word: one theme.
    expect(proposeThemes(answers(["stage", "stages lopen"]), "nl").map((t) => t.answerIds)).toEqual(
      [["a0", "a1"]],
    );
    // Repeated answers on two subjects: two themes, not one.
    expect(
      proposeThemes(answers(["stage", "Stage!", "zorg", "de zorg"]), "nl").map((t) => t.answerIds),
    ).toEqual([
      ["a0", "a1"],
      ["a2", "a3"],
    ]);
    const same = proposeThemes(answers(Array(6).fill("Meer stageplaatsen!")), "nl");
    expect(same).toHaveLength(1);
    expect(same[0]!.answerIds).toHaveLength(6);
    expect(same[0]!.label).toBe("stageplaatsen");
  });

  it("works for English answers", () => {
    const themes = proposeThemes(
      answers([
        "More internships at companies",
        "Internship supervision for students",
        "Heat networks in every district",
        "Heat pumps and insulation",
        "Finding internships is hard",
        "Heat transition needs money",
      ]),
      "en",
    );
    expect(themes.map((t) => t.answerIds).sort()).toEqual([
      ["a0", "a1", "a4"],
      ["a2", "a3", "a5"],
    ]);
    expect(themes.map((t) => t.label).join(" ")).toMatch(/internship/);
    expect(themes.map((t) => t.label).join(" ")).toMatch(/heat/);
  });

  it("places every answer in exactly one theme, at most eight themes plus Overig, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom(...STAGE, ...ZORG, ...ENERGIE, "", "de", "<b>zorg</b>", "😀"),
          ),
          { maxLength: 40 },
        ),
        (texts) => {
          const themes = proposeThemes(answers(texts), "nl");
          const placed = themes.flatMap((t) => t.answerIds).sort();
          expect(placed).toEqual(
            answers(texts)
              .map((a) => a.id)
              .sort(),
          );
          expect(themes.filter((t) => !t.other).length).toBeLessThanOrEqual(8);
          const labels = themes.map((t) => t.label.toLowerCase());
          expect(new Set(labels).size).toBe(labels.length);
          for (const t of themes) {
            expect(t.label.length).toBeGreaterThan(0);
            expect(t.label.length).toBeLessThanOrEqual(200);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
