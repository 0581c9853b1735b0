import { kmeans } from "ml-kmeans";
import { stemmer as snowball } from "./stemming.ts";
import { stopwordsFor } from "./stopwords.ts";

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
export const OTHER_LABEL = { nl: "Overig", en: "Other" } as const;

const MAX_THEMES = 8;
/** Above this many answers the silhouette (quadratic) is skipped and k follows from the count. */
const SILHOUETTE_LIMIT = 200;
/** Dimensions kept for clustering: the terms found in most answers. */
const MAX_TERMS = 500;
const SEED = 42;
const LABEL_MAX = 200;

interface Doc {
  id: string;
  /** Term (stem) → count in this answer, compound parts included. */
  counts: Map<string, number>;
}

function tokens(text: string): string[] {
  const stop = stopwordsFor();
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((w) => w.replace(/^['-]+|['-]+$/g, ""))
    .filter((w) => w.length >= 2 && !stop.has(w) && !/^[\p{N}'-]+$/u.test(w));
}

/**
 * Proposes themes for open answers: stop words of Dutch and English removed, words reduced to
 * their Snowball stem, answers as TF-IDF vectors (normalised, so k-means' Euclidean distance ranks
 * like cosine similarity) clustered with ml-kmeans under a fixed seed, so the same answers always
 * give the same proposal. Dutch glues words together ("stageplaatsen", "zorgpersoneel"): a word
 * that begins or ends with another word of the answers also counts as that word.
 *
 * Each theme is named by its two or three most telling words (highest mean TF-IDF in the theme),
 * spelled as the answers spell them most often. Answers without a telling word, and answers that
 * share no word with any other, go to one "other" theme. With fewer than three answers there is
 * nothing to group: each gets a theme of its own words, unless the two share a word.
 */
export function proposeThemes(
  answers: OpenAnswerText[],
  language: "nl" | "en",
  opts: { maxThemes?: number } = {},
): ThemeProposal[] {
  const maxThemes = Math.min(MAX_THEMES, Math.max(1, opts.maxThemes ?? MAX_THEMES));
  const stem = snowball(language);
  const tokenised = answers.map((a) => ({ id: a.id, words: tokens(a.text) }));

  // Spellings per stem, to show a stem as the answers write it.
  const spellings = new Map<string, Map<string, number>>();
  for (const { words } of tokenised)
    for (const w of words) {
      const key = stem(w);
      const m = spellings.get(key) ?? new Map<string, number>();
      m.set(w, (m.get(w) ?? 0) + 1);
      spellings.set(key, m);
    }

  // Compound parts: a word that starts with another word of these answers (of four letters or
  // more), or ends with one leaving three letters or more, also counts as that word. This also
  // joins plurals that Snowball leaves alone ("stage", "stages").
  const vocabulary = [...new Set(tokenised.flatMap((t) => t.words))].filter((w) => w.length >= 4);
  const partsOf = new Map<string, string[]>();
  const parts = (word: string): string[] => {
    let found = partsOf.get(word);
    if (!found) {
      found = vocabulary
        .filter(
          (v) =>
            (word.length > v.length && word.startsWith(v)) ||
            (word.length - v.length >= 3 && word.endsWith(v)),
        )
        .map(stem);
      partsOf.set(word, found);
    }
    return found;
  };

  const docs: Doc[] = tokenised.map(({ id, words }) => {
    const counts = new Map<string, number>();
    for (const w of words) {
      const terms = new Set([stem(w), ...parts(w)]);
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    }
    return { id, counts };
  });

  const otherIds = docs.filter((d) => d.counts.size === 0).map((d) => d.id);
  let content = docs.filter((d) => d.counts.size > 0);

  const df = new Map<string, number>();
  for (const d of content)
    for (const term of d.counts.keys()) df.set(term, (df.get(term) ?? 0) + 1);

  const groups: Doc[][] = [];
  if (content.length <= 2) {
    const shared = content.length === 2 && [...df.values()].some((n) => n === 2);
    if (shared) groups.push(content);
    else for (const d of content) groups.push([d]);
    content = [];
  } else {
    // An answer that shares no word with any other cannot be grouped.
    const loners = content.filter((d) => [...d.counts.keys()].every((t) => df.get(t) === 1));
    otherIds.push(...loners.map((d) => d.id));
    content = content.filter((d) => !loners.includes(d));
  }

  if (content.length > 0) {
    const n = content.length;
    const idf = (term: string) => Math.log((1 + n) / (1 + (df.get(term) ?? 0))) + 1;
    // Terms in only one answer do not group anything; the most shared terms are the dimensions.
    const terms = [...df]
      .filter(([, count]) => count >= 2)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_TERMS)
      .map(([term]) => term);
    const vectors = content.map((d) =>
      normalise(terms.map((t) => (d.counts.get(t) ?? 0) * idf(t))),
    );
    const distinct = new Set(vectors.map((v) => v.join(","))).size;
    const k = chooseK(vectors, distinct, maxThemes);
    const assignment =
      k === 1
        ? vectors.map(() => 0)
        : kmeans(vectors, k, { seed: SEED, maxIterations: 100 }).clusters;
    const byCluster = new Map<number, number[]>();
    assignment.forEach((c, i) => byCluster.set(c, [...(byCluster.get(c) ?? []), i]));
    for (const members of byCluster.values()) {
      // A member that shares no term with the rest of its cluster does not belong to it.
      const kept = members.filter(
        (i) =>
          members.length === 1 || members.some((j) => j !== i && dot(vectors[i]!, vectors[j]!) > 0),
      );
      for (const i of members) if (!kept.includes(i)) otherIds.push(content[i]!.id);
      if (kept.length > 0) groups.push(kept.map((i) => content[i]!));
    }
  }

  const order = new Map(answers.map((a, i) => [a.id, i]));
  const byOrder = (a: string, b: string) => order.get(a)! - order.get(b)!;
  const total = docs.filter((d) => d.counts.size > 0).length;
  const idfAll = (term: string) => Math.log((1 + total) / (1 + (df.get(term) ?? 0))) + 1;

  const themes: ThemeProposal[] = groups.map((members) => {
    const terms = tellingTerms(members, idfAll, spellings);
    return {
      label: terms.join(", ").slice(0, LABEL_MAX),
      terms,
      answerIds: members.map((d) => d.id).sort(byOrder),
      other: false,
    };
  });
  themes.sort(
    (a, b) =>
      b.answerIds.length - a.answerIds.length ||
      a.label.localeCompare(b.label) ||
      byOrder(a.answerIds[0]!, b.answerIds[0]!),
  );
  // Two themes with the same words get a number, so that every label names one theme.
  const used = new Set<string>([OTHER_LABEL[language].toLowerCase()]);
  for (const theme of themes) {
    let label = theme.label;
    for (let i = 2; used.has(label.toLowerCase()); i++) label = `${theme.label} (${i})`;
    used.add(label.toLowerCase());
    theme.label = label;
  }
  if (otherIds.length > 0)
    themes.push({
      label: OTHER_LABEL[language],
      terms: [],
      answerIds: otherIds.sort(byOrder),
      other: true,
    });
  return themes;
}

/**
 * The number of themes: the best silhouette among 2..8 when that is cheap, else √(n/2); never more
 * themes than different answers.
 */
function chooseK(vectors: number[][], distinct: number, maxThemes: number): number {
  const n = vectors.length;
  const ceiling = Math.min(maxThemes, distinct);
  if (ceiling <= 1) return 1;
  const guess = Math.min(ceiling, Math.max(1, Math.round(Math.sqrt(n / 2))));
  if (n > SILHOUETTE_LIMIT || n < 3) return guess;
  const distance = vectors.map((a) => vectors.map((b) => Math.max(0, 1 - dot(a, b))));
  let best = { k: guess, score: -Infinity };
  for (let k = 2; k <= Math.min(ceiling, n - 1); k++) {
    const { clusters } = kmeans(vectors, k, { seed: SEED, maxIterations: 100 });
    const score = silhouette(distance, clusters);
    if (score > best.score + 1e-9) best = { k, score };
  }
  return best.k;
}

/** Mean silhouette: how much closer each answer is to its own cluster than to the nearest other. */
function silhouette(distance: number[][], clusters: number[]): number {
  const n = clusters.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const totals = new Map<number, { sum: number; count: number }>();
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const t = totals.get(clusters[j]!) ?? { sum: 0, count: 0 };
      t.sum += distance[i]![j]!;
      t.count++;
      totals.set(clusters[j]!, t);
    }
    const own = totals.get(clusters[i]!);
    if (!own) continue; // alone in its cluster: silhouette 0
    const a = own.sum / own.count;
    let b = Infinity;
    for (const [c, t] of totals) if (c !== clusters[i]) b = Math.min(b, t.sum / t.count);
    if (b === Infinity) continue;
    sum += (b - a) / Math.max(a, b, 1e-12);
  }
  return sum / n;
}

/**
 * The two or three terms with the highest mean TF-IDF in a theme, as spelled most often; a third
 * only when it weighs at least half the first, and never a word that repeats a chosen one
 * ("stage" beside "stageplaatsen").
 */
function tellingTerms(
  members: Doc[],
  idf: (term: string) => number,
  spellings: Map<string, Map<string, number>>,
): string[] {
  const weight = new Map<string, number>();
  for (const d of members) {
    const norm = Math.sqrt([...d.counts].reduce((s, [t, c]) => s + (c * idf(t)) ** 2, 0)) || 1;
    for (const [t, c] of d.counts) weight.set(t, (weight.get(t) ?? 0) + (c * idf(t)) / norm);
  }
  const ranked = [...weight]
    .map(([term, w]) => ({ term, w: w / members.length, spelled: spellingOf(term, spellings) }))
    .filter((x): x is { term: string; w: number; spelled: string } => x.spelled !== null)
    .sort((a, b) => b.w - a.w || a.spelled.localeCompare(b.spelled));
  const chosen: typeof ranked = [];
  for (const x of ranked) {
    if (chosen.length === 3) break;
    if (chosen.length === 2 && x.w < chosen[0]!.w / 2) break;
    if (chosen.some((c) => c.spelled.includes(x.spelled) || x.spelled.includes(c.spelled)))
      continue;
    chosen.push(x);
  }
  return chosen.map((c) => c.spelled);
}

function spellingOf(term: string, spellings: Map<string, Map<string, number>>): string | null {
  const m = spellings.get(term);
  if (!m) return null;
  return [...m].sort(
    (a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1),
  )[0]![0];
}

function dot(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function normalise(v: number[]): number[] {
  const length = Math.sqrt(dot(v, v));
  return length === 0 ? v : v.map((x) => x / length);
}
