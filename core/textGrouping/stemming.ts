import snowballStemmers from "snowball-stemmers";

const cache = new Map<string, (word: string) => string>();

/** Snowball's Dutch or English stemmer as a function. */
export function stemmer(language: "nl" | "en"): (word: string) => string {
  let stem = cache.get(language);
  if (!stem) {
    const s = snowballStemmers.newStemmer(language === "nl" ? "dutch" : "english");
    stem = (word: string) => s.stem(word);
    cache.set(language, stem);
  }
  return stem;
}
