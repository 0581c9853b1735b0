/**
 * A labelled set of contributions for `bench:harvest`: sentences written from templates around ten
 * themes whose answer is known, so the grouping can be scored against the truth. Each theme has its
 * own words with synonyms and compounds (Dutch glues them: "stageplaatsen", "zorgpersoneel"); every
 * sentence also carries words that belong to no theme ("regio", "samenwerken", "studenten") and a
 * sixth of them borrow a phrase from another theme, and about one in ten is in English — so the
 * themes overlap the way real input does and are not separable by one keyword.
 */

export interface LabelledText {
  text: string;
  /** The index of the theme the sentence was written for. */
  label: number;
  sector: string;
}

interface ThemeWords {
  name: string;
  /** Noun phrases that carry the theme (Dutch). */
  nl: string[];
  /** The same in English. */
  en: string[];
}

export const THEMES: ThemeWords[] = [
  {
    name: "stage",
    nl: [
      "meer stageplaatsen",
      "een goede stageplek",
      "de begeleiding van stagiairs",
      "stages bij leerbedrijven",
      "de stagevergoeding",
      "erkende leerbedrijven",
      "de stagebegeleider op de werkplek",
      "de beroepspraktijkvorming",
      "stagiairs in het mkb",
      "een stagebank voor de regio",
      "een stage in de zorg",
      "stagemarkt en leerbedrijven",
      "de stage als eerste werkervaring",
      "goede stages voor mbo-studenten",
    ],
    en: [
      "more internships",
      "a good internship placement",
      "supervising interns",
      "internships at local firms",
    ],
  },
  {
    name: "zorgpersoneel",
    nl: [
      "het tekort aan zorgpersoneel",
      "de werkdruk in de zorg",
      "verzuim onder zorgmedewerkers",
      "het personeelstekort in de ouderenzorg",
      "de hoge werkdruk op de afdeling",
      "uitstroom van verpleegkundigen",
      "zorgmedewerkers die opgebrand raken",
      "onderbezetting in de wijkzorg",
      "flexibele roosters voor verpleegkundigen",
      "het behoud van personeel in de zorg",
      "de werkdruk van verzorgenden",
      "zorgpersoneel dat de sector verlaat",
      "meer handen aan het bed",
      "het ziekteverzuim in de zorg",
    ],
    en: [
      "the shortage of care staff",
      "the workload of nurses",
      "burnout among care workers",
      "keeping nurses in care",
    ],
  },
  {
    name: "energie",
    nl: [
      "een warmtenet in de wijk",
      "de energietransitie",
      "isolatie van huurwoningen",
      "zonnepanelen op schoolgebouwen",
      "een lokale energiecoöperatie",
      "warmtepompen installeren",
      "de energierekening van huishoudens",
      "duurzame energie opwekken",
      "installateurs voor de energietransitie",
      "het aardgasvrij maken van wijken",
      "energie besparen in gebouwen",
      "warmtenetten en isolatie",
      "vakmensen voor duurzame energie",
      "de energiearmoede in de wijk",
    ],
    en: [
      "the energy transition",
      "a district heating network",
      "solar panels on roofs",
      "saving energy in buildings",
    ],
  },
  {
    name: "leven lang leren",
    nl: [
      "een leven lang leren",
      "bijscholing voor werkenden",
      "omscholing naar een ander vak",
      "korte cursussen naast het werk",
      "scholingsbudget voor medewerkers",
      "modulair onderwijs voor volwassenen",
      "certificaten voor deeltijdstudenten",
      "leerrechten voor iedere werknemer",
      "ontwikkelgesprekken over scholing",
      "flexibele opleidingen voor zij-instromers",
      "een leven lang ontwikkelen",
      "scholing en omscholing van werkenden",
      "leren naast het werk",
      "een leercultuur in de organisatie",
    ],
    en: [
      "lifelong learning",
      "retraining for adults",
      "short courses for professionals",
      "learning while working",
    ],
  },
  {
    name: "digitalisering",
    nl: [
      "digitale vaardigheden",
      "de inzet van zorgtechnologie",
      "kunstmatige intelligentie in het onderwijs",
      "domotica in de thuiszorg",
      "datagedreven werken",
      "digitalisering van processen",
      "beeldbellen met cliënten",
      "ict-kennis van docenten",
      "technologie op de werkvloer",
      "slimme sensoren en apps",
      "digitale zorg thuis",
      "technologie en digitale middelen",
      "een digitale leeromgeving",
      "de digitale kloof",
    ],
    en: [
      "digital skills",
      "artificial intelligence",
      "care technology and apps",
      "digital tools at work",
    ],
  },
  {
    name: "wonen",
    nl: [
      "betaalbare woningen",
      "studentenhuisvesting",
      "huisvesting voor arbeidsmigranten",
      "de krapte op de woningmarkt",
      "woningbouw voor starters",
      "de wachtlijst voor een huurwoning",
      "tijdelijke woonunits",
      "wonen voor jongeren",
      "de huurprijzen in de stad",
      "woningcorporaties die bouwen",
      "een woning voor zorgmedewerkers",
      "meer woningen bouwen",
      "huisvesting voor starters",
      "wonen en zorg combineren",
    ],
    en: ["affordable housing", "student housing", "the housing shortage", "building more homes"],
  },
  {
    name: "curriculum",
    nl: [
      "gastlessen van professionals",
      "het curriculum actualiseren",
      "docenten die meelopen in de praktijk",
      "praktijkkennis in het lesprogramma",
      "hybride docenten",
      "lesstof die aansluit op de praktijk",
      "een actueel onderwijsprogramma",
      "vakmensen voor de klas",
      "de opleiding vernieuwen met het werkveld",
      "praktijkopdrachten in de lessen",
      "het lesprogramma samen met het werkveld",
      "docenten met actuele vakkennis",
      "een curriculum dat meebeweegt",
      "gastdocenten uit bedrijven",
    ],
    en: [
      "guest lectures by professionals",
      "an up-to-date curriculum",
      "hybrid teachers",
      "teachers learning in practice",
    ],
  },
  {
    name: "financiering",
    nl: [
      "structurele financiering",
      "subsidie die na twee jaar stopt",
      "projectgeld dat opdroogt",
      "borging na de laatste evaluatie",
      "een regionaal investeringsfonds",
      "de continuïteit van projecten",
      "een begroting voor de lange termijn",
      "cofinanciering door partners",
      "fondsen voor vervolgprojecten",
      "duurzame bekostiging van samenwerking",
      "financiering na de subsidie",
      "projecten die stoppen na de evaluatie",
      "structureel geld voor samenwerking",
      "een fonds voor continuïteit",
    ],
    en: [
      "structural funding",
      "grants that end too soon",
      "continuity after the project",
      "funding beyond the pilot",
    ],
  },
  {
    name: "inclusie",
    nl: [
      "kansengelijkheid",
      "laaggeletterdheid",
      "statushouders aan het werk",
      "taalles voor nieuwkomers",
      "kwetsbare jongeren",
      "mensen met een afstand tot de arbeidsmarkt",
      "inclusief werkgeverschap",
      "discriminatie bij sollicitaties",
      "voortijdig schoolverlaters",
      "beschut werk en jobcoaching",
      "gelijke kansen voor jongeren",
      "nieuwkomers en taal",
      "kansen voor kwetsbare groepen",
      "een inclusieve arbeidsmarkt",
    ],
    en: [
      "equal opportunities",
      "low literacy",
      "refugees finding work",
      "an inclusive labour market",
    ],
  },
  {
    name: "mobiliteit",
    nl: [
      "het openbaar vervoer",
      "bereikbaarheid van bedrijventerreinen",
      "de busverbinding naar de campus",
      "veilige fietspaden",
      "de reistijd naar het werk",
      "deelauto's in de wijk",
      "de files op de ringweg",
      "een nachtbus voor ploegendiensten",
      "parkeren bij het ziekenhuis",
      "vervoer voor leerlingen",
      "de bus en de trein",
      "bereikbaarheid met het openbaar vervoer",
      "fietsen naar school",
      "vervoer naar het werk",
    ],
    en: ["public transport", "cycling routes", "the commute to work", "buses to the campus"],
  },
];

// A sentence is built from parts, so that no fixed frame repeats: an opener (or none), the theme's
// phrase with a predicate, sometimes a second phrase, and sometimes a closing remark. The parts
// other than the phrases are shared by all themes, as the way people talk is.
const OPENERS_NL = [
  "",
  "",
  "",
  "Ik denk dat",
  "Volgens mij",
  "Mijn droom is dat",
  "Wat mij betreft",
  "In onze organisatie merken we dat",
  "Het dilemma is dat",
  "Idee:",
  "Belangrijk:",
  "Eigenlijk",
  "Wij zien dat",
  "Vanuit het mbo zien we dat",
  "Als gemeente vinden we dat",
  "Bij ons bedrijf merken we dat",
  "De grootste uitdaging is dat",
  "Over vijf jaar hoop ik dat",
  "Het zou mooi zijn als",
  "Ik maak me zorgen dat",
  "Een inspirerend voorbeeld:",
  "Vraag aan de regio:",
];
// A predicate is an adverb and a verb phrase picked apart, so that no pair of generic words always
// comes together (as in real input, where the filler varies far more than the subject).
const ADVERBS_NL = [
  "echt",
  "nog steeds",
  "eigenlijk",
  "vooral",
  "zeker",
  "in de toekomst",
  "nu al",
  "vaak",
  "ook",
  "samen",
  "structureel",
  "dringend",
  "misschien",
  "volgens velen",
  "",
  "",
];
const VERBS_NL = [
  "meer aandacht verdient",
  "beter geregeld moet worden",
  "een knelpunt is",
  "op de agenda moet",
  "opgepakt moet worden",
  "te weinig lukt",
  "belangrijker wordt",
  "lef vraagt",
  "geld kost",
  "tijd kost",
  "niet vanzelf gaat",
  "kansen biedt",
  "een aanpak vraagt",
  "versnipperd is",
  "anders moet",
  "verantwoordelijkheid vraagt",
  "energie geeft",
  "speelt",
  "onderschat wordt",
  "nodig is",
  "vergeten wordt",
  "prioriteit verdient",
  "iedereen raakt",
  "een lange adem vraagt",
  "beter kan",
  "urgent is",
  "een kans is",
  "tussen wal en schip valt",
  "zichtbaar moet worden",
  "verbinding nodig heeft",
  "goed gaat",
  "zorgen baart",
  "keuzes vraagt",
];
const JOINS_NL = ["en", "maar ook", "omdat", "net als", "terwijl", "en daarnaast"];
const CLOSERS_NL = [
  "in de regio",
  "met alle partners",
  "voor studenten",
  "op korte termijn",
  "met elkaar",
  "in de praktijk",
  "voor de hele sector",
  "samen met het onderwijs",
  "voor werkgevers",
  "in de wijk",
];

const SECTORS = ["government", "mbo", "hbo", "wo", "social", "company", "residents", "other"];

const OPENERS_EN = [
  "",
  "I think",
  "My dream is that",
  "The dilemma is that",
  "Idea:",
  "We see that",
];
const PREDICATES_EN = [
  "needs more attention",
  "should be arranged better",
  "is a bottleneck",
  "asks for a joint approach",
  "offers opportunities",
];
const CLOSERS_EN = ["in the region", "with all partners", "for students", "together"];
/** Mulberry32: a small seeded generator, so the set is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` contributions spread evenly over the themes (shuffled), with their theme as the label. */
export function labelledContributions(n: number, seed = 2021): LabelledText[] {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const out: LabelledText[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % THEMES.length;
    const theme = THEMES[label]!;
    const english = random() < 0.1;
    const words = english ? theme.en : theme.nl;
    // A quarter of the second phrases come from another theme.
    const other = random() < 1 / 4 ? THEMES[(label + 1 + Math.floor(random() * 9)) % 10]! : theme;
    const a = pick(words);
    let text = [
      pick(english ? OPENERS_EN : OPENERS_NL),
      a,
      english ? pick(PREDICATES_EN) : `${pick(ADVERBS_NL)} ${pick(VERBS_NL)}`.trim(),
    ]
      .filter((p) => p !== "")
      .join(" ");
    if (random() < 0.5) {
      let b = pick(english ? other.en : other.nl);
      if (b === a) b = pick(english ? other.en : other.nl);
      text += ` ${english ? "and" : pick(JOINS_NL)} ${b}`;
    }
    if (random() < 0.4) text += ` ${pick(english ? CLOSERS_EN : CLOSERS_NL)}`;
    text = `${text[0]!.toUpperCase()}${text.slice(1)}.`;
    out.push({ text, label, sector: pick(SECTORS) });
  }
  // Shuffle, so the order gives nothing away.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
