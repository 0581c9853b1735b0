import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/**
 * A judged corpus for `bench:search`: knowledge entries written from concepts (regional
 * challenges, methods, sectors) in Dutch and some in English, and queries whose relevant entries
 * are known from the concepts each entry was written about, not from its words. Each concept is
 * written in several surface forms (singular, plural, verb and noun, with and without accents,
 * compounds), and queries often use a form the entries do not: "samenwerken" for a text that
 * says "samenwerking", "cooperatie" for "coöperatie". Grades: 3 when every concept of the query
 * is in the entry's title or summary, 2 when all are in the entry and one of them there, 1 when
 * all are only in the body. Judged per language: a Dutch query's relevant entries are Dutch.
 */

export type Lang = "nl" | "en";

interface Concept {
  kind: "topic" | "method" | "sector";
  /** What the entries write: phrases that each carry the concept. */
  text: string[];
  /** What people type for it; often another inflection or without accents. */
  query: string[];
  /** For a sector concept: the sector list value it belongs to. */
  sector?: string;
}

const c = (kind: Concept["kind"], text: string[], query: string[], sector?: string): Concept => ({
  kind,
  text,
  query,
  ...(sector ? { sector } : {}),
});

const NL: Concept[] = [
  c(
    "topic",
    ["de energietransitie", "de lokale energietransitie", "energietransitie in de wijk"],
    ["energietransitie"],
  ),
  c(
    "topic",
    ["warmtenetten", "een warmtenet", "het nieuwe warmtenet"],
    ["warmtenet", "warmtenetten"],
  ),
  c(
    "topic",
    ["zorgmedewerkers", "het behoud van zorgmedewerkers", "nieuwe zorgmedewerkers"],
    ["zorgmedewerker", "zorgmedewerkers"],
  ),
  c(
    "topic",
    ["betaalbare woningen", "woningen voor starters", "een woning voor jongeren"],
    ["woning", "woningen"],
  ),
  c(
    "topic",
    ["laaggeletterdheid", "laaggeletterde inwoners", "de aanpak van laaggeletterdheid"],
    ["laaggeletterdheid", "laaggeletterd"],
  ),
  c(
    "topic",
    ["eenzaamheid onder ouderen", "eenzame ouderen", "eenzaamheid in het dorp"],
    ["eenzaamheid", "eenzame"],
  ),
  c("topic", ["klimaatadaptatie", "klimaatadaptatie in de stad"], ["klimaatadaptatie"]),
  c(
    "topic",
    ["een coöperatie van bewoners", "de energiecoöperatie", "de coöperatie"],
    ["cooperatie", "coöperatie"],
  ),
  c(
    "topic",
    ["krapte op de arbeidsmarkt", "de regionale arbeidsmarkt", "de arbeidsmarkt van morgen"],
    ["arbeidsmarkt"],
  ),
  c(
    "topic",
    ["jongeren in de techniek", "de techniek", "een loopbaan in de techniek"],
    ["techniek"],
  ),
  c("topic", ["armoede en schulden", "armoede in gezinnen", "verborgen armoede"], ["armoede"]),
  c(
    "topic",
    ["slimme mobiliteit", "de mobiliteit op het platteland", "mobiliteit"],
    ["mobiliteit"],
  ),
  c(
    "topic",
    ["een gezonde leefstijl", "gezondheid in de wijk", "de gezondheid van jongeren"],
    ["gezondheid", "gezond"],
  ),
  c(
    "topic",
    ["de circulaire economie", "circulair bouwen", "circulaire bedrijven"],
    ["circulair", "circulaire economie"],
  ),
  c("topic", ["lokaal voedsel", "voedsel uit de regio", "gezond voedsel op school"], ["voedsel"]),
  c(
    "topic",
    ["de leefbaarheid in dorpen", "de leefbaarheid van de wijk", "leefbaarheid"],
    ["leefbaarheid"],
  ),
  c(
    "topic",
    ["digitale vaardigheden", "de digitale vaardigheden van ouderen"],
    ["digitale vaardigheid", "digitale vaardigheden"],
  ),
  c(
    "topic",
    ["voortijdige schoolverlaters", "schoolverlaters zonder diploma"],
    ["schoolverlaters", "schoolverlater"],
  ),
  c("topic", ["stages in het mkb", "een stage in de regio", "goede stages"], ["stage", "stages"]),
  c(
    "topic",
    ["de ideeën van inwoners", "ideeën uit de buurt", "nieuwe ideeën"],
    ["ideeen", "ideeën"],
  ),
  c("method", ["vuistregels", "een vuistregel", "drie vuistregels"], ["vuistregel", "vuistregels"]),
  c(
    "method",
    ["samenwerking", "de samenwerking", "samenwerkingen"],
    ["samenwerken", "samenwerking"],
  ),
  c("method", ["co-creatie", "co-creatie met de doelgroep"], ["co-creatie"]),
  c(
    "method",
    ["een leergemeenschap", "de leergemeenschap", "leergemeenschappen"],
    ["leergemeenschap"],
  ),
  c("method", ["een living lab", "het living lab"], ["living lab"]),
  c("method", ["een werkplaats", "de werkplaats", "de regionale werkplaats"], ["werkplaats"]),
  c("method", ["een hackathon", "hackathons"], ["hackathon"]),
  c("method", ["intervisie", "intervisie in kleine groepen"], ["intervisie"]),
  c("method", ["kennisdeling", "kennisdeling tussen partners"], ["kennisdeling"]),
  c("method", ["het netwerk", "netwerken", "een breed netwerk"], ["netwerken", "netwerk"]),
  c(
    "method",
    ["praktijkgericht onderzoek", "praktijkgericht onderzoek met studenten"],
    ["praktijkgericht onderzoek"],
  ),
  c("method", ["de evaluatie", "een tussentijdse evaluatie", "evaluaties"], ["evaluatie"]),
  c(
    "method",
    ["de coördinatie", "coördinatie tussen partners", "heldere coördinatie"],
    ["coordinatie", "coördinatie"],
  ),
  c("method", ["design thinking"], ["design thinking"]),
  c("method", ["een enquête", "een korte enquête"], ["enquete", "enquête"]),
  c("sector", ["mbo-scholen", "het mbo", "mbo-studenten"], ["mbo"], "mbo"),
  c("sector", ["de hogeschool", "hogescholen", "een hogeschool"], ["hogeschool"], "hbo"),
  c(
    "sector",
    ["de gemeente", "gemeenten", "drie gemeenten"],
    ["gemeente", "gemeenten"],
    "government",
  ),
  c(
    "sector",
    ["ondernemers", "lokale ondernemers", "een ondernemer"],
    ["ondernemer", "ondernemers"],
    "company",
  ),
  c(
    "sector",
    ["bewoners", "actieve bewoners", "een bewoner"],
    ["bewoner", "bewoners"],
    "residents",
  ),
  c("sector", ["de universiteit", "universiteiten"], ["universiteit"], "wo"),
  c(
    "sector",
    ["welzijnsorganisaties", "de welzijnsorganisatie"],
    ["welzijnsorganisatie"],
    "social",
  ),
];

const EN: Concept[] = [
  c("topic", ["the energy transition", "a local energy transition"], ["energy transition"]),
  c("topic", ["care workers", "retaining care workers"], ["care worker", "care workers"]),
  c("topic", ["affordable housing", "housing for young people"], ["housing"]),
  c("topic", ["loneliness among older people", "loneliness in villages"], ["loneliness"]),
  c("topic", ["the circular economy", "circular building"], ["circular economy", "circular"]),
  c("topic", ["internships", "an internship in a small firm"], ["internship", "internships"]),
  c(
    "topic",
    ["digital skills", "the digital skills of older people"],
    ["digital skill", "digital skills"],
  ),
  c("topic", ["rural mobility", "mobility"], ["mobility"]),
  c("method", ["rules of thumb", "a rule of thumb"], ["rule of thumb", "rules of thumb"]),
  c(
    "method",
    ["collaboration", "collaborating across sectors"],
    ["collaborating", "collaboration"],
  ),
  c("method", ["co-creation", "co-creation with residents"], ["co-creation"]),
  c("method", ["communities of practice", "a community of practice"], ["community of practice"]),
  c("method", ["a living lab", "living labs"], ["living lab"]),
  c("method", ["a hackathon", "hackathons"], ["hackathon"]),
  c("sector", ["vocational schools", "a vocational school"], ["vocational"], "mbo"),
  c(
    "sector",
    ["the municipality", "municipalities"],
    ["municipality", "municipalities"],
    "government",
  ),
  c("sector", ["residents", "active residents"], ["resident", "residents"], "residents"),
  c("sector", ["local businesses", "a business"], ["business", "businesses"], "company"),
];

export const CONCEPTS: Record<Lang, Concept[]> = { nl: NL, en: EN };

const PLACES = [
  "Twente",
  "de Achterhoek",
  "Noord-Limburg",
  "Zeeland",
  "Fryslân",
  "Groningen",
  "Drenthe",
  "de Drechtsteden",
  "de Hoeksche Waard",
  "Brainport Eindhoven",
  "Midden-Brabant",
  "de Liemers",
  "West-Friesland",
  "de Kop van Noord-Holland",
  "Zuid-Limburg",
  "de Betuwe",
  "Flevoland",
  "Parkstad",
  "de Veluwe",
  "Rivierenland",
  "Noordoost-Friesland",
  "Oost-Groningen",
  "Walcheren",
  "Amersfoort",
  "Den Bosch",
  "Leeuwarden",
  "Zwolle",
  "Tilburg",
  "Enschede",
  "Venlo",
  "Delft",
];

const NL_FILLER = [
  "We begonnen klein, met een ochtend waarin iedereen zijn vraag op tafel legde.",
  "Het hielp om vooraf af te spreken wie de trekker is en wie welk besluit neemt.",
  "Niet alles liep meteen goed: de eerste bijeenkomst in het gemeentehuis was te vol.",
  "Studenten brachten een frisse blik en stelden vragen die niemand meer stelde.",
  "De opbrengst hebben we vastgelegd in een korte notitie die we met alle partners deelden.",
  "Na een half jaar keken we terug: wat werkte, wat niet, en wat nemen we mee?",
  "Een vaste plek en een vast ritme maakten het makkelijker om aan te haken.",
  "Zorgvuldig luisteren naar de mensen om wie het gaat bleek belangrijker dan een goed plan.",
  "De financiële ruimte was beperkt, dus we zochten naar wat zonder extra geld kon.",
  "Partners die elkaar eerst niet kenden, belden elkaar na afloop uit zichzelf.",
  "We gebruikten de vier fasen van de cyclus: verkennen, perspectieven ophalen, samen doen en terugkijken.",
  "Op de ambitieladder kwamen we van informeren naar echt samen beslissen.",
  "Een afwijkende mening kreeg nadrukkelijk ruimte, dat leverde de beste gesprekken op.",
  "Het kostte meer tijd dan gedacht, maar de betrokkenheid groeide met elke stap.",
  "Tip: nodig ook mensen uit die niet vanzelf aanschuiven.",
  "Belangrijk was een gedeelde taal: wat bedoelen we eigenlijk met succes?",
  "De lessen zijn opgenomen in het jaarplan van de regio.",
  "Een geïnteresseerde wethouder opende de deur naar nieuwe partners.",
];

const EN_FILLER = [
  "We started small, with a morning where everyone put their question on the table.",
  "It helped to agree beforehand who leads and who decides what.",
  "Students brought a fresh view and asked the questions nobody asked anymore.",
  "After six months we looked back: what worked, what did not, and what do we keep?",
  "A fixed place and rhythm made it easier for people to join.",
  "We used the four phases of the cycle: explore, gather perspectives, act together and look back.",
  "Partners who did not know each other at first now call each other on their own.",
  "It took more time than planned, but commitment grew with every step.",
];

const SECTORS = ["government", "mbo", "hbo", "wo", "social", "company", "residents", "other"];
const PERSPECTIVES = ["work", "research", "living", "policy", "education"];
const ESSENTIALS = ["knowledge", "network", "collaboration"];
const KINDS = ["lesson", "practice", "method", "instrument", "source"] as const;

export interface GeneratedEntry {
  n: number;
  language: Lang;
  kind: (typeof KINDS)[number];
  title: string;
  summary: string;
  body: string;
  theme: string;
  sectors: string[];
  perspectives: string[];
  essentials: string[];
  ambitionLevels: number[];
  phases: number[];
  /** Days before now it was last changed. */
  ageDays: number;
  /** Concept index → 2 when in the title or summary, 1 when only in the body. */
  concepts: Map<number, number>;
}

export interface JudgedQuery {
  text: string;
  language: Lang;
  concepts: number[];
}

export function random(seed: number) {
  const rng = xoroshiro128plus(seed);
  const next = () => uniformFloat64(rng);
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    /** Skewed to the front of the list, as topics are: a few are everywhere, most are rarer. */
    zipf: <T>(xs: readonly T[]): T => xs[Math.floor(xs.length * next() ** 1.8)]!,
  };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function generateEntry(n: number, rnd: ReturnType<typeof random>): GeneratedEntry {
  const language: Lang = rnd.next() < 0.08 ? "en" : "nl";
  const concepts = CONCEPTS[language];
  const topics = concepts.flatMap((x, i) => (x.kind === "topic" ? [i] : []));
  const methods = concepts.flatMap((x, i) => (x.kind === "method" ? [i] : []));
  const sectorConcepts = concepts.flatMap((x, i) => (x.kind === "sector" ? [i] : []));
  const topic = rnd.zipf(topics);
  const method = rnd.pick(methods);
  const sector = rnd.pick(sectorConcepts);
  const sector2 = rnd.pick(sectorConcepts);
  const place = rnd.pick(PLACES);
  const phrase = (i: number) => rnd.pick(concepts[i]!.text);
  const found = new Map<number, number>();
  const mark = (i: number, strength: number) => found.set(i, Math.max(found.get(i) ?? 0, strength));

  // Title: mostly topic and method, sometimes only one of them (the other then in the summary
  // or body), sometimes with the sector.
  const shape = rnd.int(10);
  let title: string;
  const T = phrase(topic);
  const M = phrase(method);
  const S = phrase(sector);
  if (language === "nl") {
    title = [
      `${cap(M)} voor ${T}`,
      `${cap(T)}: ${M} met ${S}`,
      `Wat werkt bij ${T}? ${cap(M)} in ${place}`,
      `Lessen uit ${place}: ${M} rond ${T}`,
      `${cap(M)} en ${T} in ${place}`,
      `Zo pakt ${place} ${T} aan`,
      `${cap(M)} in de praktijk`,
      `${cap(T)} samen met ${S}`,
      `Ervaringen met ${M} rond ${T}`,
      `${cap(S)} en ${T}: ${M}`,
    ][shape]!;
  } else {
    title = [
      `${cap(M)} for ${T}`,
      `${cap(T)}: ${M} with ${S}`,
      `What works for ${T}? ${cap(M)} in ${place}`,
      `Lessons from ${place}: ${M} and ${T}`,
      `${cap(M)} and ${T} in ${place}`,
      `How ${place} tackles ${T}`,
      `${cap(M)} in practice`,
      `${cap(T)} together with ${S}`,
      `Experiences with ${M} around ${T}`,
      `${cap(S)} and ${T}: ${M}`,
    ][shape]!;
  }
  const titleHas = {
    topic: shape !== 6,
    method: shape !== 5 && shape !== 7,
    sector: shape === 1 || shape === 7 || shape === 9,
  };
  if (titleHas.topic) mark(topic, 2);
  if (titleHas.method) mark(method, 2);
  if (titleHas.sector) mark(sector, 2);

  // Summary: one or two sentences; half the time it names what the title left out.
  const inSummary = rnd.next() < 0.5;
  const S2 = phrase(sector2);
  let summary: string;
  if (language === "nl") {
    summary = inSummary
      ? `In ${place} werkten ${S} en ${S2} aan ${phrase(topic)}, met ${phrase(method)} als aanpak.`
      : `Een ${rnd.pick(["les", "ervaring", "praktijk", "aanpak"])} uit ${place}, opgehaald met ${S2}.`;
  } else {
    summary = inSummary
      ? `In ${place}, ${S} and ${S2} worked on ${phrase(topic)}, with ${phrase(method)} as the approach.`
      : `An ${rnd.pick(["experience", "approach", "example"])} from ${place}, gathered with ${S2}.`;
  }
  mark(sector2, 2);
  if (inSummary) {
    mark(topic, 2);
    mark(method, 2);
    mark(sector, 2);
  }

  // Body: the main concepts again, one to three other concepts in passing, filler, a list.
  const sentences: string[] = [];
  const filler = language === "nl" ? NL_FILLER : EN_FILLER;
  if (language === "nl") {
    sentences.push(`Het ging om ${phrase(topic)}. ${cap(phrase(method))} gaf daarbij houvast.`);
    sentences.push(`Vooral ${phrase(sector)} waren vanaf het begin betrokken.`);
  } else {
    sentences.push(`It was about ${phrase(topic)}. ${cap(phrase(method))} gave us a footing.`);
    sentences.push(`Above all ${phrase(sector)} were involved from the start.`);
  }
  mark(topic, 1);
  mark(method, 1);
  mark(sector, 1);
  const others = 1 + rnd.int(3);
  for (let k = 0; k < others; k++) {
    const other = rnd.int(concepts.length);
    sentences.push(
      language === "nl"
        ? rnd.pick([
            `Later kwam ook ${phrase(other)} ter sprake.`,
            `Een volgende stap is ${phrase(other)}.`,
            `We leerden veel van ${phrase(other)} elders in de regio.`,
          ])
        : rnd.pick([`Later ${phrase(other)} came up as well.`, `A next step is ${phrase(other)}.`]),
    );
    mark(other, 1);
  }
  const fillers = 2 + rnd.int(5);
  for (let k = 0; k < fillers; k++) sentences.push(rnd.pick(filler));
  for (let k = sentences.length - 1; k > 2; k--) {
    const j = 2 + rnd.int(k - 1);
    [sentences[k], sentences[j]] = [sentences[j]!, sentences[k]!];
  }
  let body = sentences.join(" ");
  if (rnd.next() < 0.3) {
    body += `\n\n**${language === "nl" ? "Wat we meenemen" : "What we keep"}**\n\n- ${rnd.pick(filler)}\n- ${rnd.pick(filler)}`;
  }
  if (rnd.next() < 0.1)
    body += `\n\n[${language === "nl" ? "Verslag" : "Report"}](https://example.org/verslag/${n})`;

  const sectors = [
    ...new Set(
      [
        concepts[sector]!.sector,
        concepts[sector2]!.sector,
        rnd.next() < 0.3 ? rnd.pick(SECTORS) : undefined,
      ].filter((s): s is string => !!s),
    ),
  ];
  const phases = [...new Set([1 + rnd.int(4), ...(rnd.next() < 0.3 ? [1 + rnd.int(4)] : [])])];
  return {
    n,
    language,
    kind: KINDS[Math.floor(KINDS.length * rnd.next() ** 1.5)]!,
    title: title.slice(0, 200),
    summary,
    body,
    theme: concepts[topic]!.query[0]!,
    sectors,
    perspectives: [
      rnd.pick(PERSPECTIVES),
      ...(rnd.next() < 0.4 ? [rnd.pick(PERSPECTIVES)] : []),
    ].filter((p, i, a) => a.indexOf(p) === i),
    essentials: [rnd.pick(ESSENTIALS)],
    ambitionLevels: [1 + rnd.int(5)],
    phases,
    ageDays: rnd.int(5 * 365),
    concepts: found,
  };
}

/** The grade of an entry for a query, from the concepts it was written about. */
export function grade(entry: GeneratedEntry, query: JudgedQuery): number {
  if (entry.language !== query.language) return 0;
  let strong = 0;
  for (const concept of query.concepts) {
    const s = entry.concepts.get(concept);
    if (!s) return 0;
    if (s === 2) strong++;
  }
  if (strong === query.concepts.length) return 3;
  return strong > 0 ? 2 : 1;
}

/** Queries as people type them: one to three concepts, in a form of their own choosing. */
export function generateQueries(count: number, rnd: ReturnType<typeof random>): JudgedQuery[] {
  const out: JudgedQuery[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const language: Lang = rnd.next() < 0.1 ? "en" : "nl";
    const concepts = CONCEPTS[language];
    const of = (kind: Concept["kind"]) => concepts.flatMap((x, i) => (x.kind === kind ? [i] : []));
    const shape = rnd.next();
    const picked =
      shape < 0.45
        ? [rnd.pick(of("topic")), rnd.pick(of("method"))]
        : shape < 0.6
          ? [rnd.pick(of("topic"))]
          : shape < 0.7
            ? [rnd.pick(of("method"))]
            : shape < 0.8
              ? [rnd.pick(of("method")), rnd.pick(of("sector"))]
              : shape < 0.9
                ? [rnd.pick(of("topic")), rnd.pick(of("sector"))]
                : [rnd.pick(of("topic")), rnd.pick(of("method")), rnd.pick(of("sector"))];
    const words = picked.map((i) => rnd.pick(concepts[i]!.query));
    const text =
      language === "nl" && picked.length === 2 && rnd.next() < 0.25
        ? `${words[1]} voor ${words[0]}`
        : words.join(" ");
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text, language, concepts: picked });
  }
  return out;
}

/** nDCG@k of a ranked list of grades against all grades there are for the query. */
export function ndcg(ranked: number[], all: number[], k = 10): number {
  const dcg = (gs: number[]) =>
    gs.slice(0, k).reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...all].sort((a, b) => b - a));
  return ideal === 0 ? 0 : dcg(ranked) / ideal;
}
