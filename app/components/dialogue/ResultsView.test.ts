import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { aggregateWithSectors, type AnswerRow } from "../../../core/dialogue/aggregate.ts";
import type { Question } from "../../../core/dialogue/template.ts";
import { formatNumber, spreadKey } from "../../../core/dialogue/resultsText.ts";
import { groupOpenAnswers, ResultsView } from "./ResultsView.tsx";

const l = (nl: string, en = nl) => ({ nl, en });
const rows = (values: unknown[], sectors: (string | null)[] = []): AnswerRow[] =>
  values.map((value, i) => ({ value, sector: sectors[i] ?? null, hidden: false }));

function render(
  question: Question,
  values: unknown[],
  extra: object = {},
  sectors: (string | null)[] = [],
) {
  const results = aggregateWithSectors(question, rows(values, sectors), "nl");
  return renderToStaticMarkup(
    createElement(ResultsView, { question, results, lang: "nl", ...extra }),
  );
}

const base = { prompt: l("Wat vind jij?"), audience: "individual" as const };

describe("ResultsView", () => {
  it("draws a bar per option with count and percentage, a summary for screen readers and a table", () => {
    const q: Question = {
      ...base,
      id: "q",
      kind: "single",
      options: [
        { id: "a", label: l("Appels") },
        { id: "b", label: l("Peren") },
      ],
    };
    const html = render(q, ["a", "a", "b", "a"], {}, ["mbo", "mbo", "hbo", null]);
    expect(html).toContain('role="img"');
    expect(html).toMatch(
      /aria-label="Staafdiagram van de antwoorden: Appels 3 keer \(75%\); Peren 1 keer \(25%\)\."/,
    );
    expect(html).toContain("width:max(2px, 75%)");
    expect(html).not.toContain("width:0%");
    expect(html).toContain("<summary>Toon als tabel</summary>");
    expect(html).toContain("<table");
    // Per sector, with the catalog's sector names.
    expect(html).toContain("Uitkomsten per sector");
    expect(html).toContain("Mbo-instelling");
    expect(html).toContain("Hogeschool (hbo)");
    expect(html).toContain('lang="nl"');
  });

  it("writes the ladder's means and spread in words", () => {
    const q: Question = { ...base, id: "l", kind: "ladder" };
    const html = render(q, [
      { now: 2, desired: 5 },
      { now: 2, desired: 4 },
      { now: 3, desired: 5 },
    ]);
    expect(html).toContain(
      "Nu staat de samenwerking gemiddeld op trede 2,3; gewenst is gemiddeld trede 4,7.",
    );
    expect(html).toContain("de antwoorden liggen dicht bij elkaar (standaardafwijking 0,5)");
    expect(html).toContain("De lerende regio");
  });

  it("names the phase with least attention, ranks options by mean place, sizes words by count", () => {
    const phases = render({ ...base, id: "p", kind: "phases" }, [
      { urgency: 4, network: 1, together: 3, consolidate: 2 },
    ]);
    expect(phases).toContain("Minste aandacht: Het netwerk vormen.");
    const ranking = render(
      {
        ...base,
        id: "r",
        kind: "ranking",
        options: [
          { id: "x", label: l("Eerst") },
          { id: "y", label: l("Tweede") },
        ],
      },
      [
        ["y", "x"],
        ["y", "x"],
      ],
    );
    expect(ranking.indexOf("Tweede")).toBeLessThan(ranking.indexOf("Eerst"));
    const words = render({ ...base, id: "w", kind: "wordcloud" }, [
      ["netwerk"],
      ["netwerk", "zorg"],
    ]);
    expect(words).toMatch(/lr-word--5">netwerk <span class="lr-word__count">\(2\)/);
    expect(words).toContain('<th class="utrecht-table__header-cell" scope="row">zorg</th>');
  });

  it("shows open answers as text, grouped by theme, hidden ones left out", () => {
    const q: Question = { ...base, id: "o", kind: "open" };
    const html = render(q, ["x", "y", "z"], {
      open: [
        { text: "<script>alert(1)</script>", theme: "Veiligheid" },
        { text: "Meer stages", theme: null },
        { text: "Verborgen antwoord", hidden: true },
      ],
    });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("Veiligheid");
    expect(html).toContain("Zonder thema");
    expect(html).not.toContain("Verborgen antwoord");
  });

  it("says so when nobody answered yet, and writes numbers the same on server and client", () => {
    const html = render({ ...base, id: "w", kind: "wordcloud" }, []);
    expect(html).toContain("Nog geen antwoorden.");
    expect(formatNumber(2.345, "nl")).toBe("2,3");
    expect(formatNumber(2.345, "en")).toBe("2.3");
    expect(formatNumber(null, "nl")).toBe("–");
    expect([spreadKey(0.2), spreadKey(1), spreadKey(2)]).toEqual(["close", "some", "far"]);
    expect(groupOpenAnswers([{ text: "a", theme: " " }])).toEqual([
      { theme: null, answers: [{ text: "a", theme: " " }] },
    ]);
  });
});
