import type { ScanForm, ScanTheme } from "../../db/schema.ts";
import type { Locale } from "../../i18n/index.ts";
import { ESSENTIALS } from "../kernel/sectors.ts";

/**
 * What a scan scores: the poster's three essentials and the roles in the collaboration. The roles
 * are no essential (the knowledge base does not tag them) but the poster asks about them the same
 * way, so the scan keeps them as a fourth theme.
 */
export const SCAN_THEMES = [...ESSENTIALS, "roles"] as const satisfies readonly ScanTheme[];
export const SCAN_FORMS = ["group", "individual"] as const satisfies readonly ScanForm[];

export interface ShippedStatement {
  /** Stable across releases: answers and comparisons over years refer to it. */
  key: string;
  theme: ScanTheme;
  form: ScanForm;
  text: Record<Locale, string>;
}

/**
 * Where the shipped statements come from, shown with them. Seed 001 is the poster "De lerende
 * regio" (HAN), itself after Kuijjer-Siebelink et al. (2022) and Bergman et al. (2017).
 */
export const STATEMENT_SOURCE =
  "Kuijjer-Siebelink, W., Cuperus, J., Weijzen, S., Hoeve, A. (2022). De lerende regio: werkzame mechanismes in de samenwerking tussen hoger onderwijs en partners in de regio. HAN lectoraat responsief beroepsonderwijs (poster, seed 001).";

type Pair = [topic: string, group: Record<Locale, string>, individual: Record<Locale, string>];

/**
 * The poster pairs every question to the group ("how do you all …") with one to the individual
 * ("how do you …"). A scan asks for agreement, so each pair is written here as two statements in
 * our own words: one "about us", one "about me".
 */
const PAIRS: Record<ScanTheme, Pair[]> = {
  knowledge: [
    [
      "reciprocal",
      {
        nl: "Bij ons gaat kennis twee kanten op: iedere partij brengt kennis in en haalt kennis op.",
        en: "With us, knowledge flows both ways: every party brings knowledge in and takes knowledge away.",
      },
      {
        nl: "Ik breng mijn kennis in en leer van de kennis van de anderen.",
        en: "I bring in what I know and learn from what the others know.",
      },
    ],
    [
      "methods",
      {
        nl: "We kiezen bewust werkvormen om samen aan oplossingen te werken.",
        en: "We deliberately choose ways of working together on solutions.",
      },
      {
        nl: "Ik ken aanpakken om met anderen aan een vraagstuk te werken, en ik gebruik ze.",
        en: "I know approaches for working on a question with others, and I use them.",
      },
    ],
    [
      "conditions",
      {
        nl: "We hebben samen geregeld wat kennisdelen nodig heeft: tijd, geld en ondersteuning.",
        en: "Together we have arranged what sharing knowledge needs: time, money and support.",
      },
      {
        nl: "Mijn organisatie en mijn achterban steunen mij om kennis te delen.",
        en: "My organisation and the people I represent support me in sharing knowledge.",
      },
    ],
    [
      "open",
      {
        nl: "We communiceren open met elkaar, ook over wat niet goed gaat.",
        en: "We communicate openly with each other, also about what is not going well.",
      },
      {
        nl: "Ik ben open over wat ik weet, wat ik denk en waar ik aan twijfel.",
        en: "I am open about what I know, what I think and what I doubt.",
      },
    ],
  ],
  network: [
    [
      "trust",
      {
        nl: "We werken er bewust aan om elkaar te vertrouwen.",
        en: "We work deliberately at trusting each other.",
      },
      {
        nl: "Ik weet wat ik nodig heb om de anderen te vertrouwen, en ik krijg dat.",
        en: "I know what I need to trust the others, and I get it.",
      },
    ],
    [
      "complement",
      {
        nl: "We vullen elkaar aan met verschillende kennis en vaardigheden.",
        en: "We complement each other with different knowledge and skills.",
      },
      {
        nl: "Ik weet waarin mijn kennis en vaardigheden verschillen van die van de anderen.",
        en: "I know how my knowledge and skills differ from the others'.",
      },
    ],
    [
      "meeting",
      {
        nl: "We zorgen voor genoeg gelegenheden om elkaar te ontmoeten.",
        en: "We make sure there are enough occasions to meet each other.",
      },
      {
        nl: "Ik ga geregeld naar gelegenheden om de anderen te ontmoeten.",
        en: "I regularly go to occasions where I meet the others.",
      },
    ],
  ],
  collaboration: [
    [
      "bridges",
      {
        nl: "Er zijn bruggenbouwers die mensen uit verschillende werelden verbinden, en dat levert iets op.",
        en: "There are bridge builders who connect people from different worlds, and it pays off.",
      },
      {
        nl: "Ik verbind mensen die elkaar anders niet zouden vinden.",
        en: "I connect people who would not find each other otherwise.",
      },
    ],
    [
      "facilitation",
      {
        nl: "Het proces van samenwerken wordt goed begeleid.",
        en: "The process of working together is well facilitated.",
      },
      {
        nl: "Ik krijg de begeleiding die ik nodig heb om mee te doen.",
        en: "I get the facilitation I need to take part.",
      },
    ],
    [
      "complexity",
      {
        nl: "We gaan goed om met hoe ingewikkeld samenwerken tussen zulke verschillende partijen is.",
        en: "We deal well with how complex it is for such different parties to work together.",
      },
      {
        nl: "Ik kan omgaan met ingewikkelde en onzekere situaties in de samenwerking.",
        en: "I can deal with complex and uncertain situations in the collaboration.",
      },
    ],
    [
      "leadership",
      {
        nl: "Het is duidelijk hoe het leiderschap in ons netwerk is verdeeld.",
        en: "It is clear how leadership is shared in our network.",
      },
      {
        nl: "Ik neem de leiding als de situatie daarom vraagt.",
        en: "I take the lead when the situation asks for it.",
      },
    ],
  ],
  roles: [
    [
      "clear",
      {
        nl: "Het is duidelijk welke rol elke partij in de samenwerking heeft.",
        en: "It is clear which role each party has in the collaboration.",
      },
      {
        nl: "Ik weet welke rol ik in de samenwerking heb.",
        en: "I know which role I have in the collaboration.",
      },
    ],
    [
      "equal",
      {
        nl: "Inwoners hebben een gelijkwaardige rol in onze samenwerking.",
        en: "Residents have an equal role in our collaboration.",
      },
      {
        nl: "Ik voel me een gelijkwaardige partner in de samenwerking.",
        en: "I feel an equal partner in the collaboration.",
      },
    ],
    [
      "broker",
      {
        nl: "Iemand zonder eigen belang zorgt dat kennis tussen de partijen stroomt.",
        en: "Someone without a stake of their own makes knowledge flow between the parties.",
      },
      {
        nl: "Ik draag bij aan het maken van nieuwe kennis samen met de anderen.",
        en: "I contribute to making new knowledge together with the others.",
      },
    ],
  ],
};

export const SHIPPED_STATEMENTS: readonly ShippedStatement[] = SCAN_THEMES.flatMap((theme) =>
  PAIRS[theme].flatMap(([topic, group, individual]) => [
    { key: `${theme}.${topic}.group`, theme, form: "group" as const, text: group },
    { key: `${theme}.${topic}.individual`, theme, form: "individual" as const, text: individual },
  ]),
);

/** The form field of a statement's answer. */
export const statementField = (key: string) => `st_${key}`;

export const OWN_PREFIX = "own.";
export const ownKey = (id: string) => `${OWN_PREFIX}${id}`;

/** A statement as a scan asks it: shipped (in the scan's language) or the region's own. */
export interface ScanStatement {
  key: string;
  theme: ScanTheme;
  form: ScanForm;
  text: string;
  own: boolean;
}

export function statementsOf(
  own: readonly { id: string; theme: ScanTheme; form: ScanForm; text: string }[],
  locale: Locale,
): ScanStatement[] {
  return [
    ...SHIPPED_STATEMENTS.map((s) => ({
      key: s.key,
      theme: s.theme,
      form: s.form,
      text: s.text[locale],
      own: false,
    })),
    ...own.map((s) => ({
      key: ownKey(s.id),
      theme: s.theme,
      form: s.form,
      text: s.text,
      own: true,
    })),
  ];
}
