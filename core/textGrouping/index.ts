import { kmeans } from "ml-kmeans";
import stopwordLists from "stopwords-iso/stopwords-iso.json" with { type: "json" };
import { stemmer } from "./stemming.ts";
import { stopwordsFor } from "./stopwords.ts";

/**
 * Groups short texts into themes, fast and the same way every time: a room's open answers (a few
 * hundred, `core/dialogue/proposeThemes.ts`) and a harvest's contributions (10,000 and more,
 * `core/harvest/themes.ts`). A pure function: no database, no clock. The callers only load the
 * texts and store the outcome; how texts become themes is decided here, once.
 *
 * 1. Words: lower case, Dutch and English stop words removed; each text is stemmed with the
 *    Snowball stemmer of its own language (the one whose stop words it uses most), so
 *    "stageplaatsen" and "internships" both reduce to their stem. Dutch glues words together: a
 *    word that begins or ends with another word of the texts (in two texts or more, or any word
 *    with `compoundParts: "any"`) also counts as that word ("zorgpersoneel" as "zorg" and
 *    "personeel", "stages" as "stage").
 * 2. Vectors: TF-IDF (sublinear term frequency) over a vocabulary of the stems that group
 *    anything — in two texts or more, in at most half of them, the `maxTerms` most frequent —
 *    L2-normalised and sparse.
 * 3. Companions: each text also leans towards the stems that keep company with its own (positive
 *    pointwise mutual information over all texts), so that texts on one subject in different
 *    words meet; see `expand`. Labels come from the texts' own words, not from this.
 * 4. Dimensions: above `dims` stems, a sparse random projection (seeded) brings every vector to
 *    `dims` dimensions; dot products, so the clusters, survive it (Johnson–Lindenstrauss).
 * 5. Clusters: ml-kmeans (k-means++, fixed seed). Without a given k, the k between `minK` and
 *    `maxK` (and at most √(n/2) + 1) with the best silhouette on a sample of at most `sample`
 *    texts; the final run starts from that sample's centroids.
 * 6. Labels: per cluster the two or three most telling stems — mean TF-IDF in the cluster times
 *    the share of the stem's texts that are in it — shown as the texts spell them most often.
 *
 * Texts without a vocabulary word, and texts that share none with the rest of their cluster, go
 * to one "other" group. With fewer than three texts that have words there is nothing to cluster:
 * two that share a stem are one group, otherwise each is a group of its own, named by its words.
 */

export interface TextItem {
  id: string;
  text: string;
}

export interface Group {
  /** Its most telling words joined with ", ", or "Overig"/"Other". */
  label: string;
  /** The words of the label (empty for the other group). */
  terms: string[];
  /** The ids of its texts, in input order. */
  ids: string[];
  /** True for the group of texts that fit nowhere. */
  other: boolean;
}

export interface GroupingOptions {
  /** The language of the labels' "other" group; texts are stemmed in their own language. */
  language?: "nl" | "en";
  /** The number of groups; chosen by silhouette between minK and maxK when not given. */
  k?: number;
  minK?: number;
  maxK?: number;
  /** The vocabulary's size: the stems in most texts. */
  maxTerms?: number;
  /** Dimensions after projection. */
  dims?: number;
  /** Texts used to choose k. */
  sample?: number;
  seed?: number;
  /**
   * Which words may be parts of compounds: "shared" (in two texts or more; among thousands of
   * texts a word seen once is noise) or "any" (a room's few answers, where once is all there is).
   */
  compoundParts?: "shared" | "any";
}

export interface Grouping {
  groups: Group[];
  /** The number of clusters (the other group not counted). */
  k: number;
  /** Stems in the vocabulary. */
  terms: number;
}

export const OTHER_GROUP = { nl: "Overig", en: "Other" } as const;

const DEFAULTS = {
  language: "nl" as "nl" | "en",
  maxTerms: 1500,
  dims: 128,
  sample: 600,
  seed: 42,
  maxK: 20,
  compoundParts: "shared" as "shared" | "any",
};
const LABEL_MAX = 200;
/** Expansion by companion stems: how much, how many companions, seen together how often. */
const EXPANSION = 3;
const NEIGHBOURS = 20;
const MIN_TOGETHER = 3;
/** Stems of a text that count for companionship (its strongest). */
const PAIR_TERMS = 40;
/** Nonzero entries per stem in the projection. */
const PROJECTION_DENSITY = 6;
const MAX_ITERATIONS = 60;
/** Centroids that move less than this (squared) have converged. */
const TOLERANCE = 1e-4;

// Words used only as stop words in one of the two languages, to tell which a text is written in.
const lists = stopwordLists as Record<string, string[]>;
const NL_ONLY = new Set(lists.nl!.filter((w) => !lists.en!.includes(w)));
const EN_ONLY = new Set(lists.en!.filter((w) => !lists.nl!.includes(w)));

/**
 * Words that say what kind of contribution a text is (seed 004: dreams, dilemmas, ideas), asked
 * for in every theme alike: "Mijn droom is …" must not make a theme of dreams.
 */
const KIND_WORDS = new Set([
  "droom",
  "dromen",
  "dilemma",
  "dilemma's",
  "dilemmas",
  "idee",
  "ideeën",
  "ideeen",
  "vraag",
  "vragen",
  "dream",
  "dreams",
  "idea",
  "ideas",
  "question",
  "questions",
]);

const WORD = /[\p{L}\p{N}]+/gu;
/** Dutch and English endings that make a new word of a stem rather than a compound. */
const DERIVATION =
  /^(e?lijk|heid|hed|ing|isch|ig|baar|bar|achtig|loo[sz]|schap|dom|nis|tie|sel|aar|ar|er|ster|ist|ie?k|ness|ful|less|ly|ity|ment|ship)/;

/** The words of a text (lower case, two letters or more, not only digits), stop words included. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).filter(
    (w) => w.length >= 2 && !/^\p{N}+$/u.test(w),
  );
}

/** "nl" or "en": the language whose own stop words the text uses more (Dutch on a tie). */
export function languageOf(all: string[], fallback: "nl" | "en" = "nl"): "nl" | "en" {
  let nl = 0;
  let en = 0;
  for (const w of all) {
    if (NL_ONLY.has(w)) nl++;
    else if (EN_ONLY.has(w)) en++;
  }
  return en > nl ? "en" : nl > en ? "nl" : fallback;
}

interface Tokenised {
  /** Content words with the language to stem them in. */
  words: string[];
  language: "nl" | "en";
}

/** Step 1 without compounds: the content words of each text and its language. */
export function tokenise(items: readonly TextItem[], fallback: "nl" | "en" = "nl"): Tokenised[] {
  const stop = stopwordsFor();
  return items.map((item) => {
    const all = words(item.text);
    return {
      words: all.filter((w) => !stop.has(w) && !KIND_WORDS.has(w)),
      language: languageOf(all, fallback),
    };
  });
}

/** Stems of a word, cached per language. */
function stemCache() {
  const caches = { nl: new Map<string, string>(), en: new Map<string, string>() };
  const stemmers = { nl: stemmer("nl"), en: stemmer("en") };
  return (word: string, language: "nl" | "en") => {
    const cache = caches[language];
    let s = cache.get(word);
    if (s === undefined) {
      s = stemmers[language](word);
      cache.set(word, s);
    }
    return s;
  };
}

/**
 * The floor of any grouping, for the benchmark: tokenise and stem every text, nothing more.
 * Returns the number of stems seen.
 */
export function stemOnly(items: readonly TextItem[], fallback: "nl" | "en" = "nl"): number {
  const stem = stemCache();
  const seen = new Set<string>();
  for (const t of tokenise(items, fallback)) for (const w of t.words) seen.add(stem(w, t.language));
  return seen.size;
}

interface SparseDoc {
  /** Vocabulary indices, ascending. */
  terms: Int32Array;
  /** L2-normalised TF-IDF weights. */
  weights: Float64Array;
}

export function groupTexts(items: readonly TextItem[], options: GroupingOptions = {}): Grouping {
  const o = { ...DEFAULTS, ...options };
  const stem = stemCache();
  const tokenised = tokenise(items, o.language);

  // Words in two texts or more (or any word) may be parts of compounds.
  const wordDf = new Map<string, number>();
  for (const t of tokenised)
    for (const w of new Set(t.words)) wordDf.set(w, (wordDf.get(w) ?? 0) + 1);
  const partMinTexts = o.compoundParts === "any" ? 1 : 2;
  const known = new Set<string>();
  for (const [w, n] of wordDf) if (n >= partMinTexts && w.length >= 4) known.add(w);

  // Each distinct (word, language): its stem and the stems of its known parts.
  const termsOfWord = new Map<string, string[]>();
  const termsOf = (word: string, language: "nl" | "en"): string[] => {
    const key = `${language}:${word}`;
    let found = termsOfWord.get(key);
    if (!found) {
      const set = new Set([stem(word, language)]);
      // A known word at the start ("stage" in "stageplaatsen", "stages")…
      // Not when the rest is a derivation ("tijd" in "tijdelijke", "leer" in "leerling").
      for (let end = 4; end < word.length; end++) {
        const part = word.slice(0, end);
        if (known.has(part) && !DERIVATION.test(word.slice(end))) set.add(stem(part, language));
      }
      // …or at the end, after three letters or more ("personeel" in "zorgpersoneel").
      for (let start = 3; start <= word.length - 4; start++) {
        const part = word.slice(start);
        if (known.has(part)) set.add(stem(part, language));
      }
      found = [...set];
      termsOfWord.set(key, found);
    }
    return found;
  };

  // Spellings per stem, to show a stem as the texts write it.
  const spellings = new Map<string, Map<string, number>>();
  const counts: Map<string, number>[] = tokenised.map((t) => {
    const c = new Map<string, number>();
    for (const w of t.words) {
      const s = stem(w, t.language);
      let m = spellings.get(s);
      if (!m) spellings.set(s, (m = new Map()));
      m.set(w, (m.get(w) ?? 0) + 1);
      for (const term of termsOf(w, t.language)) c.set(term, (c.get(term) ?? 0) + 1);
    }
    return c;
  });

  // Vocabulary: in 2+ texts, at most half of them (once there are enough texts to say so). With
  // one or two texts to group, every stem: they are named by their own words.
  const n = items.length;
  const few = counts.filter((c) => c.size > 0).length <= 2;
  const df = new Map<string, number>();
  for (const c of counts) for (const term of c.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const ceiling = n >= 10 ? n / 2 : n;
  const vocabulary = [...df]
    .filter(([, d]) => (few ? d >= 1 : d >= 2 && d <= ceiling))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, o.maxTerms)
    .map(([term]) => term);
  const index = new Map(vocabulary.map((t, i) => [t, i]));
  const idf = vocabulary.map((t) => Math.log((1 + n) / (1 + df.get(t)!)) + 1);

  const docs: (SparseDoc | null)[] = counts.map((c) => {
    const entries: [number, number][] = [];
    for (const [term, count] of c) {
      const i = index.get(term);
      if (i !== undefined) entries.push([i, (1 + Math.log(count)) * idf[i]!]);
    }
    if (entries.length === 0) return null;
    entries.sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((s, [, w]) => s + w * w, 0));
    return {
      terms: Int32Array.from(entries, ([i]) => i),
      weights: Float64Array.from(entries, ([, w]) => w / norm),
    };
  });

  const content: number[] = [];
  const other: number[] = [];
  docs.forEach((d, i) => (d ? content : other).push(i));

  const clusters: number[][] = [];
  let k = 0;
  if (few && content.length > 0) {
    const shared =
      content.length === 2 && docs[content[0]!]!.terms.some((t) => df.get(vocabulary[t]!) === 2);
    if (shared) clusters.push(content);
    else for (const i of content) clusters.push([i]);
    k = clusters.length;
  } else if (content.length > 0) {
    const vectors = dense(
      expand(
        content.map((i) => docs[i]!),
        vocabulary.length,
      ),
      vocabulary.length,
      o.dims,
      o.seed,
    );
    const distinct = countDistinct(content.map((i) => docs[i]!));
    const assignment = cluster(vectors, distinct, o);
    k = assignment.k;
    const byCluster = Array.from({ length: k }, () => [] as number[]);
    assignment.clusters.forEach((c, j) => byCluster[c]!.push(content[j]!));
    for (const members of byCluster) {
      if (members.length === 0) continue;
      // A text that shares no stem with the rest of its cluster does not belong to it.
      const inCluster = new Map<number, number>();
      for (const i of members)
        for (const t of docs[i]!.terms) inCluster.set(t, (inCluster.get(t) ?? 0) + 1);
      const kept =
        members.length === 1
          ? members
          : members.filter((i) => docs[i]!.terms.some((t) => inCluster.get(t)! >= 2));
      if (kept.length < members.length) {
        const keptSet = new Set(kept);
        for (const i of members) if (!keptSet.has(i)) other.push(i);
      }
      if (kept.length > 0) clusters.push(kept);
    }
    k = clusters.length;
  }

  // Labels: the most telling stems of each cluster.
  const dfContent = new Float64Array(vocabulary.length);
  for (const i of content) for (const t of docs[i]!.terms) dfContent[t]!++;
  const groups: Group[] = clusters.map((members) => {
    const sum = new Map<number, number>();
    const dfIn = new Map<number, number>();
    for (const i of members) {
      const d = docs[i]!;
      for (let j = 0; j < d.terms.length; j++) {
        const t = d.terms[j]!;
        sum.set(t, (sum.get(t) ?? 0) + d.weights[j]!);
        dfIn.set(t, (dfIn.get(t) ?? 0) + 1);
      }
    }
    const ranked = [...sum]
      .map(([t, s]) => ({
        score: (s / members.length) * (dfIn.get(t)! / dfContent[t]!),
        spelled: spellingOf(vocabulary[t]!, spellings),
      }))
      .filter((x): x is { score: number; spelled: string } => x.spelled !== null)
      .sort((a, b) => b.score - a.score || a.spelled.localeCompare(b.spelled));
    const chosen: typeof ranked = [];
    for (const x of ranked) {
      if (chosen.length === 3) break;
      if (chosen.length === 2 && x.score < chosen[0]!.score / 2) break;
      // Never a word that repeats a chosen one ("stage" beside "stageplaatsen").
      if (chosen.some((c) => c.spelled.includes(x.spelled) || x.spelled.includes(c.spelled)))
        continue;
      chosen.push(x);
    }
    const terms = chosen.map((c) => c.spelled);
    return {
      label: terms.join(", ").slice(0, LABEL_MAX),
      terms,
      ids: members.sort((a, b) => a - b).map((i) => items[i]!.id),
      other: false,
    };
  });
  groups.sort(
    (a, b) => b.ids.length - a.ids.length || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
  // Every label names one group: equal ones get a number.
  const used = new Set<string>([OTHER_GROUP[o.language].toLowerCase()]);
  for (const g of groups) {
    let label = g.label || OTHER_GROUP[o.language];
    for (let i = 2; used.has(label.toLowerCase()); i++) label = `${g.label} (${i})`;
    used.add(label.toLowerCase());
    g.label = label;
  }
  if (other.length > 0)
    groups.push({
      label: OTHER_GROUP[o.language],
      terms: [],
      ids: other.sort((a, b) => a - b).map((i) => items[i]!.id),
      other: true,
    });
  return { groups, k, terms: vocabulary.length };
}

/** Sparse vectors as dense rows: as they are when small, else projected to `dims`. */
function dense(docs: SparseDoc[], size: number, dims: number, seed: number): number[][] {
  if (size <= dims)
    return docs.map((d) => {
      const row = new Array<number>(size).fill(0);
      d.terms.forEach((t, j) => (row[t] = d.weights[j]!));
      return row;
    });
  // Each stem is a few ±1/√s entries in random dimensions (seeded, in vocabulary order).
  const random = mulberry32(seed);
  const scale = 1 / Math.sqrt(PROJECTION_DENSITY);
  const dimsOf = new Int32Array(size * PROJECTION_DENSITY);
  const signs = new Float64Array(size * PROJECTION_DENSITY);
  for (let i = 0; i < dimsOf.length; i++) {
    dimsOf[i] = Math.floor(random() * dims);
    signs[i] = random() < 0.5 ? -scale : scale;
  }
  return docs.map((d) => {
    const row = new Array<number>(dims).fill(0);
    for (let j = 0; j < d.terms.length; j++) {
      const base = d.terms[j]! * PROJECTION_DENSITY;
      const w = d.weights[j]!;
      for (let s = 0; s < PROJECTION_DENSITY; s++) row[dimsOf[base + s]!]! += w * signs[base + s]!;
    }
    let norm = 0;
    for (const x of row) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < dims; i++) row[i]! /= norm;
    return row;
  });
}

function countDistinct(docs: SparseDoc[]): number {
  const seen = new Set<string>();
  for (const d of docs) {
    seen.add(`${d.terms.join(",")}|${Array.from(d.weights, (w) => w.toFixed(6)).join(",")}`);
    if (seen.size > 1000) break;
  }
  return seen.size;
}

/** k-means on the rows, with k given or chosen by silhouette on a sample. */
function cluster(
  rows: number[][],
  distinct: number,
  o: typeof DEFAULTS & GroupingOptions,
): { clusters: number[]; k: number } {
  const n = rows.length;
  const most = Math.min(o.maxK, distinct, n);
  if (most <= 1) return { clusters: rows.map(() => 0), k: 1 };
  if (o.k !== undefined) {
    const k = Math.max(1, Math.min(Math.floor(o.k), most));
    if (k === 1) return { clusters: rows.map(() => 0), k: 1 };
    const { clusters } = kmeans(rows, k, {
      seed: o.seed,
      maxIterations: MAX_ITERATIONS,
      tolerance: TOLERANCE,
    });
    return { clusters, k };
  }
  // The sample: evenly spread over the input, so the same input gives the same sample.
  const step = Math.max(1, n / o.sample);
  const picked: number[] = [];
  for (let x = 0; Math.floor(x) < n && picked.length < o.sample; x += step)
    picked.push(Math.floor(x));
  const sample = picked.map((i) => rows[i]!);
  const least = Math.max(2, Math.min(o.minK ?? (n >= 100 ? 4 : 2), most));
  // Few texts make few themes: at most √(n/2) + 1 (20 from 800 texts on).
  const highest = Math.min(most, sample.length - 1, Math.ceil(Math.sqrt(n / 2)) + 1);
  if (highest < least) {
    const k = Math.min(least, most);
    const { clusters } = kmeans(rows, k, {
      seed: o.seed,
      maxIterations: MAX_ITERATIONS,
      tolerance: TOLERANCE,
    });
    return { clusters, k };
  }
  const distance = cosineDistances(sample);
  let best = { k: least, score: -Infinity, centroids: [] as number[][] };
  for (const k of candidates(least, highest)) {
    const result = kmeans(sample, k, {
      seed: o.seed,
      maxIterations: MAX_ITERATIONS,
      tolerance: TOLERANCE,
    });
    const score = silhouette(distance, result.clusters, k);
    if (score > best.score + 1e-9) best = { k, score, centroids: result.centroids };
  }
  if (sample.length === n) {
    const { clusters } = kmeans(rows, best.k, {
      seed: o.seed,
      maxIterations: MAX_ITERATIONS,
      tolerance: TOLERANCE,
    });
    return { clusters, k: best.k };
  }
  const fin = kmeans(rows, best.k, {
    initialization: best.centroids,
    maxIterations: MAX_ITERATIONS,
    tolerance: TOLERANCE,
  });
  const clusters = fin.clusters;
  return { clusters, k: best.k };
}

/** Every k up to 10, then every second: finer steps matter less as k grows. */
function candidates(least: number, highest: number): number[] {
  const out: number[] = [];
  for (let k = least; k <= highest; k += k < 10 ? 1 : 2) out.push(k);
  if (out.at(-1) !== highest) out.push(highest);
  return out;
}

/** 1 − cosine for unit rows, as one flat n × n array. */
function cosineDistances(rows: number[][]): Float64Array {
  const n = rows.length;
  const dims = rows[0]!.length;
  const flat = new Float64Array(n * dims);
  rows.forEach((r, i) => flat.set(r, i * dims));
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      let dot = 0;
      const a = i * dims;
      const b = j * dims;
      for (let d = 0; d < dims; d++) dot += flat[a + d]! * flat[b + d]!;
      const dist = Math.max(0, 1 - dot);
      out[i * n + j] = dist;
      out[j * n + i] = dist;
    }
  return out;
}

/** Mean silhouette: how much closer each row is to its own cluster than to the nearest other. */
function silhouette(distance: Float64Array, clusters: number[], k: number): number {
  const n = clusters.length;
  const size = new Float64Array(k);
  for (const c of clusters) size[c]!++;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const base = i * n;
    for (let j = 0; j < n; j++) sums[clusters[j]!]! += distance[base + j]!;
    const own = clusters[i]!;
    if (size[own]! <= 1) continue; // alone in its cluster: silhouette 0
    const a = sums[own]! / (size[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && size[c]! > 0) b = Math.min(b, sums[c]! / size[c]!);
    if (b === Infinity) continue;
    total += (b - a) / Math.max(a, b, 1e-12);
  }
  return total / n;
}

function spellingOf(term: string, spellings: Map<string, Map<string, number>>): string | null {
  const m = spellings.get(term);
  if (!m) return null;
  let best: [string, number] | null = null;
  for (const e of m)
    if (
      !best ||
      e[1] > best[1] ||
      (e[1] === best[1] &&
        (e[0].length < best[0].length || (e[0].length === best[0].length && e[0] < best[0])))
    )
      best = e;
  return best![0];
}

/** Mulberry32: a small seeded generator for the projection. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Each text also leans towards the stems that keep company with its own: for every stem, its
 * `NEIGHBOURS` strongest companions by positive pointwise mutual information (seen together in at
 * least `MIN_TOGETHER` texts) are added with `EXPANSION` times its weight, shared by strength. Two
 * short texts on one subject in other words ("werkdruk op de afdeling", "uitstroom van
 * verpleegkundigen") then meet through the words that their subject's texts share, while words used
 * with everything (the filler of any contribution) have no strong companions and add little.
 * With few texts nothing is seen together often enough, and the texts stay as they are.
 */
function expand(docs: SparseDoc[], size: number): SparseDoc[] {
  const together = new Map<number, number>();
  const df = new Float64Array(size);
  for (const d of docs) {
    // A long text counts with its strongest stems only, so the pairs stay few.
    const t =
      d.terms.length <= PAIR_TERMS
        ? d.terms
        : Int32Array.from(
            [...d.terms.keys()]
              .sort((a, b) => d.weights[b]! - d.weights[a]!)
              .slice(0, PAIR_TERMS)
              .map((j) => d.terms[j]!)
              .sort((a, b) => a - b),
          );
    for (let a = 0; a < t.length; a++) {
      df[t[a]!]!++;
      for (let b = a + 1; b < t.length; b++) {
        const key = t[a]! * size + t[b]!;
        together.set(key, (together.get(key) ?? 0) + 1);
      }
    }
  }
  const n = docs.length;
  const near: [number, number][][] = Array.from({ length: size }, () => []);
  for (const [key, count] of together) {
    if (count < MIN_TOGETHER) continue;
    const a = Math.floor(key / size);
    const b = key % size;
    const pmi = Math.log((count * n) / (df[a]! * df[b]!));
    if (pmi <= 0) continue;
    near[a]!.push([b, pmi]);
    near[b]!.push([a, pmi]);
  }
  const companions = near.map((list) => {
    list.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const kept = list.slice(0, NEIGHBOURS);
    const sum = kept.reduce((s, [, w]) => s + w, 0) || 1;
    return kept.map(([t, w]) => [t, (EXPANSION * w) / sum] as const);
  });
  return docs.map((d) => {
    const w = new Map<number, number>();
    for (let j = 0; j < d.terms.length; j++) {
      const t = d.terms[j]!;
      const own = d.weights[j]!;
      w.set(t, (w.get(t) ?? 0) + own);
      for (const [u, x] of companions[t]!) w.set(u, (w.get(u) ?? 0) + own * x);
    }
    const entries = [...w].sort((a, b) => a[0] - b[0]);
    const norm = Math.sqrt(entries.reduce((s, [, x]) => s + x * x, 0)) || 1;
    return {
      terms: Int32Array.from(entries, ([t]) => t),
      weights: Float64Array.from(entries, ([, x]) => x / norm),
    };
  });
}
