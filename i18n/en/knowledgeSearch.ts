import type { CatalogOf } from "../catalog.ts";
import type { knowledgeSearch as nl } from "../nl/knowledgeSearch.ts";

export const knowledgeSearch: CatalogOf<typeof nl> = {
  knowledgeSearch: {
    title: "Knowledge base",
    intro:
      "Search the lessons, rules of thumb, practices, methods and sources of your region and what other regions share with you.",
    publicTitle: "Knowledge base of {{region}}",
    publicTitleAll: "Public knowledge of all regions",
    publicIntro:
      "Lessons, rules of thumb and practices this region shares publicly. Free to use under the licence given.",
    searchLabel: "Search words",
    searchHint:
      'Also finds other forms of a word ("rules" finds "rule"). Use "quotes" for an exact phrase and a minus sign to leave a word out.',
    search: "Search",
    searchRegion: "Search the knowledge base",
    allRegions: "Also show public knowledge of other regions",
    newEntry: "Record new knowledge",
    filters: "Refine",
    apply: "Apply filters",
    clear: "Clear all filters",
    facet: {
      kind: "Kind",
      sector: "Sector",
      perspective: "Perspective",
      essential: "Essential",
      phase: "Phase of the cycle",
      ambition: "Ambition level",
      region: "Region",
    },
    facetValue: "{{label}} ({{count}})",
    level: "Level {{n}}: {{name}}",
    results: "Results",
    count_one: "{{count}} result",
    count_other: "{{count}} results",
    countFor_one: '{{count}} result for "{{q}}"',
    countFor_other: '{{count}} results for "{{q}}"',
    none: "Nothing found. Try another word or fewer filters.",
    empty: "The knowledge base is still empty.",
    onlyStopWords:
      'That search holds only very common words (like "the" or "and"). Try a word that says what it is about.',
    newest: "Newest first",
    fromRegion: "From {{region}}",
    draft: "Draft",
    language: { nl: "Dutch", en: "English" },
    inLanguage: "In {{language}}",
    similar: "Similar knowledge",
    pagination: "Pages of results",
    backToRegion: "Back to {{region}}",
  },
};
