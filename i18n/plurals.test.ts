import { describe, expect, it } from "vitest";
import { en } from "./en/index.ts";
import { nl } from "./nl/index.ts";
import { translator } from "./index.ts";

/**
 * Issue 15, point 10: a count is said with the library's plural forms ("1 antwoord", "2
 * antwoorden"), never "1 antwoorden". i18next chooses the form by the `count` value, so a text
 * that shows a count takes it as `count` and has a `_one` and an `_other` form in both languages.
 */

function leaves(tree: object, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]): [string, string][] =>
    typeof v === "string" ? [[`${prefix}${k}`, v]] : leaves(v as object, `${prefix}${k}.`),
  );
}

// The values that are counts of things, and the words after a number that do not change with it.
const COUNTS =
  "count|n|total|answers|weeks|months|hours|days|active|warned|visible|hidden|attended|confirmed|themes|unthemed|ties|people|members|participants|contributions|rows|skipped|duplicates|sources";
const INVARIANT = new Set(
  "keer van of x uur te too zonder toegevoegd bijgewerkt overgeslagen in met en verbonden aangemeld zichtbaar verborgen aanwezig te nog minder meer times from with without added updated skipped connected joined visible hidden present left to more less".split(
    " ",
  ),
);
const COUNTED = new RegExp(`\\{\\{(${COUNTS})\\}\\} ([\\p{L}’']+)`, "gu");

/**
 * Texts whose number is never one, or no count: the sampled starting points of a network too big
 * for exact measures (hundreds), a network too big for the map (over its limit), the self-scan's
 * comparison (from its minimum of regions up), a question's number, the 24 hours of a link, a
 * theme's "show all" (only beyond a page of contributions).
 */
const NEVER_ONE = new Set([
  "network.summary.sampled",
  "network.map.tooBig",
  "scan.benchmark.caption",
  "dialogueTemplates.removeQuestionAsk",
  "emailVerification.mailBody",
  // Only when a theme holds more contributions than the page shows at once.
  "harvestThemes.showAll",
  "harvestThemes.showing",
]);

describe("plural forms", () => {
  for (const [lang, catalog] of [
    ["nl", nl],
    ["en", en],
  ] as const) {
    it(`counts things with plural forms in ${lang}`, () => {
      const all = new Map(leaves(catalog));
      const failures: string[] = [];
      for (const [key, value] of all) {
        const plural = /_(one|other)$/.exec(key);
        if (plural) {
          const sibling = key.replace(/_(one|other)$/, plural[1] === "one" ? "_other" : "_one");
          if (!all.has(sibling)) failures.push(`${key} has no ${sibling}`);
          continue;
        }
        if (NEVER_ONE.has(key)) continue;
        for (const [, name, word] of value.matchAll(COUNTED))
          if (!INVARIANT.has(word!.toLowerCase()))
            failures.push(`${key}: "{{${name}}} ${word}" without plural forms`);
      }
      expect(failures).toEqual([]);
    });
  }

  it("says one answer and two answers", () => {
    const t = translator("nl");
    expect(t("dialogue.answers", { count: 1 })).toBe("1 antwoord");
    expect(t("dialogue.answers", { count: 2 })).toBe("2 antwoorden");
    expect(translator("en")("dialogue.answers", { count: 1 })).toBe("1 answer");
  });
});
