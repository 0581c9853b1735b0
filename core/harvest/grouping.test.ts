import { describe, expect, it } from "vitest";
import { labelledContributions } from "../../bench/harvestCorpus.ts";
import { nmi } from "../../bench/nmi.ts";
import { groupTexts, languageOf, words } from "../textGrouping/index.ts";

const items = (texts: string[]) => texts.map((text, i) => ({ id: `c${i}`, text }));

const STAGE = [
  "Meer stageplaatsen bij bedrijven in de regio",
  "Stage voor studenten is lastig te vinden",
  "Te weinig stageplaatsen voor mbo-studenten",
  "Goede begeleiding tijdens de stage",
];
const ZORG = [
  "Zorgpersoneel vasthouden en opleiden",
  "De werkdruk van het zorgpersoneel verlagen",
  "Werkdruk in de zorg is te hoog",
  "Minder werkdruk voor het zorgpersoneel",
];
const ENERGIE = [
  "Warmtenet in de wijk aanleggen",
  "Energie besparen met een warmtenet",
  "Energietransitie: warmtenetten en isolatie",
  "Energie delen in de buurt met een warmtenet",
];
const texts = [0, 1, 2, 3].flatMap((i) => [STAGE[i]!, ZORG[i]!, ENERGIE[i]!]);

describe("grouping texts into themes", () => {
  it("puts obvious Dutch themes together and labels them with words as written", () => {
    const { groups, k } = groupTexts(items(texts));
    expect(k).toBe(3);
    expect(groups).toHaveLength(3);
    for (const [group, word] of [
      [STAGE, /stage/],
      [ZORG, /zorgpersoneel|werkdruk/],
      [ENERGIE, /energie|warmtenet/],
    ] as const) {
      const ids = group.map((text) => `c${texts.indexOf(text)}`);
      const found = groups.find((g) => g.ids.includes(ids[0]!))!;
      expect([...found.ids].sort()).toEqual([...ids].sort());
      expect(found.label).toMatch(word);
      expect(found.terms.length).toBeGreaterThanOrEqual(2);
      expect(found.other).toBe(false);
      // Words as the texts spell them, never a bare stem.
      for (const term of found.terms) expect(texts.join(" ").toLowerCase()).toContain(term);
    }
  });

  it("gives the same groups every time, whatever else ran before", () => {
    const first = groupTexts(items(texts));
    groupTexts(items([...texts].reverse()), { k: 2 });
    expect(groupTexts(items(texts))).toEqual(first);
  });

  it("keeps the number of groups it is given, and puts texts without a useful word in Overig", () => {
    const { groups, k } = groupTexts(items([...texts, "Ja!", "en de het", "12345"]), { k: 2 });
    expect(k).toBe(2);
    const other = groups.at(-1)!;
    expect(other).toMatchObject({ label: "Overig", other: true, terms: [] });
    expect(other.ids).toEqual(["c12", "c13", "c14"]);
    expect(groupTexts(items(["Nee", "ok"]), { language: "en" }).groups).toEqual([
      { label: "Other", terms: [], ids: ["c0", "c1"], other: true },
    ]);
    expect(groupTexts([]).groups).toEqual([]);
  });

  it("tells Dutch from English by their stop words and stems each in its own language", () => {
    expect(languageOf(words("We need more internships for the students"))).toBe("en");
    expect(languageOf(words("Wij willen meer stages voor de studenten"))).toBe("nl");
    const { groups } = groupTexts(
      items([
        "We need more internships",
        "Internships are hard to find for students",
        "The internship allowance is too low",
        "Warmtenet in de wijk",
        "Een warmtenet voor de buurt",
        "Warmtenetten zijn duur",
      ]),
    );
    expect(groups.map((g) => [...g.ids].sort())).toEqual(
      expect.arrayContaining([
        ["c0", "c1", "c2"],
        ["c3", "c4", "c5"],
      ]),
    );
  });

  it("groups 2,000 labelled contributions of ten themes far better than chance", () => {
    const set = labelledContributions(2000, 7);
    const { groups, k } = groupTexts(items(set.map((s) => s.text)));
    expect(k).toBeGreaterThanOrEqual(4);
    expect(k).toBeLessThanOrEqual(20);
    const found = new Array<number>(set.length);
    groups.forEach((g, gi) => g.ids.forEach((id) => (found[Number(id.slice(1))] = gi)));
    expect(
      nmi(
        set.map((s) => s.label),
        found,
      ),
    ).toBeGreaterThan(0.2);
    // Shuffled labels score near zero: the measure itself is sound.
    expect(nmi([...set.map((s) => s.label)].reverse(), found)).toBeLessThan(0.05);
  });
});

describe("normalised mutual information", () => {
  it("is 1 for the same partition under other names and 0 for independent ones", () => {
    expect(nmi([0, 0, 1, 1], ["a", "a", "b", "b"])).toBeCloseTo(1);
    expect(nmi([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(0);
  });
});
