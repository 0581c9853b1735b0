import stopwords from "stopwords-iso/stopwords-iso.json" with { type: "json" };

let both: Set<string> | undefined;

/** Dutch and English stop words together: groups mix languages, and so do their answers. */
export function stopwordsFor(): Set<string> {
  both ??= new Set([
    ...(stopwords as Record<string, string[]>).nl!,
    ...(stopwords as Record<string, string[]>).en!,
  ]);
  return both;
}
