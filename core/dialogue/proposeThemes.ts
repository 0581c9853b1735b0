import { groupTexts, OTHER_GROUP } from "../textGrouping/index.ts";

export interface OpenAnswerText {
  id: string;
  text: string;
}

export interface ThemeProposal {
  /** The theme's name: its most telling words, or "Overig"/"Other". */
  label: string;
  /** The telling words the label was made of (empty for the "other" theme). */
  terms: string[];
  /** The ids of its answers, in the order they were given. */
  answerIds: string[];
  /** True for the theme of answers that share no word with any other answer. */
  other: boolean;
}

/** The label of the theme for answers that fit nowhere, in the session's language. */
export const OTHER_LABEL = OTHER_GROUP;

/** A room reads its themes off one screen: more than eight is a list, not an overview. */
const MAX_THEMES = 8;

/**
 * Proposes themes for one question's open answers, with the same grouping as a harvest
 * (`core/textGrouping`): the same answers always give the same proposal, each theme is named by
 * its most telling words as the answers spell them, and answers that share no word with any other
 * go to one "other" theme. A room has few answers, so any word of them may be part of a Dutch
 * compound ("stageplaatsen" with "stage"), and two themes are as welcome as eight.
 */
export function proposeThemes(
  answers: OpenAnswerText[],
  language: "nl" | "en",
  opts: { maxThemes?: number } = {},
): ThemeProposal[] {
  const maxK = Math.min(MAX_THEMES, Math.max(1, opts.maxThemes ?? MAX_THEMES));
  const { groups } = groupTexts(answers, { language, maxK, minK: 2, compoundParts: "any" });
  return groups.map((g) => ({ label: g.label, terms: g.terms, answerIds: g.ids, other: g.other }));
}
