declare module "snowball-stemmers" {
  interface Stemmer {
    stem(word: string): string;
  }
  const snowballStemmers: { newStemmer(language: string): Stemmer; algorithms(): string[] };
  export default snowballStemmers;
}
