import type { Question, Template, Theme } from "../template.ts";

/**
 * The learning-region dialogue instrument: themes with, per topic, a question to the group and one
 * to each person, to open a conversation. Written in our own words, structured after the poster
 * "De lerende regio" (HAN), whose sources are credited below.
 */

type L = { nl: string; en: string };
const l = (nl: string, en: string): L => ({ nl, en });

function pair(id: string, group: L, you: L): Question[] {
  return [
    { id: `${id}-group`, kind: "open", audience: "group", prompt: group },
    { id: `${id}-you`, kind: "open", audience: "individual", prompt: you },
  ];
}

const phaseOptions = [
  { id: "urgency", label: l("Welke opgave is urgent?", "Which challenge is urgent?") },
  { id: "network", label: l("Het netwerk vormen", "Forming the network") },
  { id: "together", label: l("Het samen doen", "Doing it together") },
  { id: "consolidate", label: l("Borgen en voortzetten", "Consolidating") },
];

const ambitions: Theme = {
  id: "ambitions",
  title: l("Ambities", "Ambitions"),
  intro: l(
    "Samenwerken tussen onderwijs en regio kan veel willen: van genoeg goed personeel tot een regio die als geheel leert. Hoe hoger op de ladder, hoe complexer de samenwerking. Waar staan jullie, en waar willen jullie heen?",
    "Collaboration between education and the region can aim at many things: from enough good staff to a region that learns as a whole. The higher on the ladder, the more complex the collaboration. Where are you now, and where do you want to go?",
  ),
  questions: [
    {
      id: "ambitions-ladder",
      kind: "ladder",
      audience: "individual",
      prompt: l(
        "Waar staat jullie samenwerking nu op de ladder, en waar willen jullie naartoe?",
        "Where is your collaboration on the ladder now, and where do you want it to be?",
      ),
      help: l(
        "1 genoeg goed personeel · 2 actueel curriculum · 3 werkplekleren en leven lang ontwikkelen · 4 vraagstukken uit de praktijk · 5 de lerende regio",
        "1 enough good staff · 2 up-to-date curriculum · 3 workplace learning and lifelong development · 4 practice-based challenges · 5 the learning region",
      ),
    },
    ...pair(
      "ambitions-aim",
      l("Welke ambitie heeft jullie samenwerking?", "What is the ambition of your collaboration?"),
      l("Hoe draag jij bij aan die ambitie?", "How do you contribute to that ambition?"),
    ),
    ...pair(
      "ambitions-outcome",
      l(
        "Welke uitkomsten willen jullie samen bereiken?",
        "Which outcomes do you want to achieve together?",
      ),
      l("Welke uitkomst telt voor jou het zwaarst?", "Which outcome matters most to you?"),
    ),
    ...pair(
      "ambitions-learning",
      l("Hoe leren jullie met elkaar?", "How do you learn together?"),
      l("Hoe leer jij het liefst?", "How do you prefer to learn?"),
    ),
    {
      id: "ambitions-words",
      kind: "wordcloud",
      audience: "individual",
      prompt: l(
        "Welke woorden horen bij de samenwerking die jullie willen? (hoogstens drie)",
        "Which words belong to the collaboration you want? (three at most)",
      ),
    },
  ],
};

const cycle: Theme = {
  id: "cycle",
  title: l("De cyclus", "The cycle"),
  intro: l(
    "Samen leren over grenzen heen gaat rond in vier fasen: een urgente opgave kiezen, het netwerk vormen, het samen doen, en borgen wat werkt. Groepen besteden vaak veel aandacht aan de ene fase en weinig aan een andere.",
    "Learning together across boundaries goes round in four phases: choosing an urgent challenge, forming the network, doing it together, and consolidating what works. Groups often give much attention to one phase and little to another.",
  ),
  questions: [
    {
      id: "cycle-points",
      kind: "phases",
      audience: "individual",
      prompt: l(
        "Verdeel 10 punten over de vier fasen, naar de aandacht die ze nu krijgen.",
        "Divide 10 points over the four phases, by the attention each gets now.",
      ),
    },
    {
      id: "cycle-underexposed",
      kind: "single",
      audience: "group",
      prompt: l(
        "Welke fase is bij jullie onderbelicht?",
        "Which phase is under-exposed in your collaboration?",
      ),
      options: phaseOptions,
    },
    ...pair(
      "cycle-attention",
      l(
        "Aan welke fase besteden jullie vooral aandacht, en waarom?",
        "Which phase gets most of your attention, and why?",
      ),
      l("Bij welke fase voel jij je het meest thuis?", "Which phase do you feel most at home in?"),
    ),
    ...pair(
      "cycle-urgent",
      l(
        "Welke opgave vinden meerdere partijen in de regio echt urgent?",
        "Which challenge do several parties in the region find truly urgent?",
      ),
      l("Voor welke opgave wil jij je inzetten?", "Which challenge do you want to work on?"),
    ),
  ],
};

const roles: Theme = {
  id: "roles",
  title: l("Rollen", "Roles"),
  intro: l(
    "Hoe diverser de groep, hoe meer rollen er te vervullen zijn. Bewoners brengen ervaringskennis in, het hoger onderwijs formele kennis en begeleiding van het samen maken, overheden zetten onderwerpen op de agenda.",
    "The more diverse the group, the more roles there are to fill. Residents bring experiential knowledge, higher education formal knowledge and support for making things together, governments put topics on the agenda.",
  ),
  questions: [
    ...pair(
      "roles-parties",
      l(
        "Welke rollen hebben de verschillende partijen in jullie samenwerking?",
        "Which roles do the different parties have in your collaboration?",
      ),
      l("Welke rol heb jij?", "What is your role?"),
    ),
    {
      id: "roles-equal",
      kind: "scale",
      audience: "individual",
      prompt: l(
        "Hoe gelijkwaardig is de rol van bewoners in deze samenwerking?",
        "How equal is the role of residents in this collaboration?",
      ),
      min: 1,
      max: 5,
      minLabel: l("helemaal niet", "not at all"),
      maxLabel: l("volledig", "fully"),
    },
    ...pair(
      "roles-citizens",
      l(
        "Hebben bewoners een gelijkwaardige stem? Waaraan merken jullie dat?",
        "Do residents have an equal voice? How can you tell?",
      ),
      l(
        "Wanneer voelt samenwerken voor jou gelijkwaardig?",
        "When does collaborating feel equal to you?",
      ),
    ),
    ...pair(
      "roles-broker",
      l(
        "Wie is bij jullie de onafhankelijke kennismakelaar?",
        "Who is the independent knowledge broker among you?",
      ),
      l(
        "Welke rol speel jij bij het maken van kennis?",
        "What part do you play in making knowledge?",
      ),
    ),
  ],
};

const knowledge: Theme = {
  id: "knowledge-management",
  title: l("Kennismanagement", "Knowledge management"),
  intro: l(
    "De juiste combinaties van kennis rond een opgave bij elkaar brengen, en die ook samen benutten. Daarvoor zijn open communicatie, tijd om vertrouwen op te bouwen en passende financiering en structuren nodig.",
    "Bringing the right combinations of knowledge together around a challenge, and using them together. That takes open communication, time to build trust, and fitting funding and structures.",
  ),
  questions: [
    ...pair(
      "knowledge-mutual",
      l(
        "Hoe zorgen jullie dat kennis in twee richtingen stroomt?",
        "How do you make sure knowledge flows both ways?",
      ),
      l(
        "Welke kennis breng jij in, en welke haal je op?",
        "Which knowledge do you bring, and which do you take away?",
      ),
    ),
    ...pair(
      "knowledge-methods",
      l(
        "Met welke methodes werken jullie samen aan de oplossing?",
        "Which methods do you use to work on the solution together?",
      ),
      l(
        "Met welke aanpakken heb jij eerder gewerkt?",
        "Which approaches have you worked with before?",
      ),
    ),
    ...pair(
      "knowledge-conditions",
      l(
        "Hoe regelen jullie samen de randvoorwaarden, zoals geld en ondersteuning?",
        "How do you arrange the conditions together, such as funding and support?",
      ),
      l(
        "Hoe steunt jouw organisatie of achterban je hierin?",
        "How does your organisation or constituency support you in this?",
      ),
    ),
  ],
};

const network: Theme = {
  id: "network-forming",
  title: l("Netwerkvorming", "Network forming"),
  intro: l(
    "Mensen met verschillende expertise bij elkaar brengen. Bruggenbouwers verbinden hen en maken het netwerk samenhangend én divers.",
    "Bringing people with different expertise together. Bridge builders connect them and make the network coherent as well as diverse.",
  ),
  questions: [
    ...pair(
      "network-who",
      l(
        "Wie zitten er aan tafel, en wie missen jullie nog?",
        "Who is at the table, and who is still missing?",
      ),
      l("Wie zou jij erbij willen halen?", "Whom would you like to bring in?"),
    ),
    ...pair(
      "network-bridges",
      l("Wie zijn bij jullie de bruggenbouwers?", "Who are the bridge builders among you?"),
      l("Tussen wie bouw jij bruggen?", "Between whom do you build bridges?"),
    ),
    {
      id: "network-perspectives",
      kind: "multiple",
      audience: "group",
      prompt: l(
        "Welke perspectieven zijn goed vertegenwoordigd in jullie netwerk?",
        "Which perspectives are well represented in your network?",
      ),
      options: [
        { id: "work", label: l("Werk", "Work") },
        { id: "research", label: l("Onderzoek", "Research") },
        { id: "living", label: l("Wonen en leven", "Living") },
        { id: "policy", label: l("Beleid", "Policy") },
        { id: "education", label: l("Onderwijs en studie", "Education and study") },
      ],
    },
  ],
};

const collaborating: Theme = {
  id: "collaborating",
  title: l("Samenwerken", "Collaborating"),
  intro: l(
    "Samen creëren met mensen die niet gewend zijn samen te leren. Dat vraagt om begeleiding, leiderschap en het vermogen om met complexiteit om te gaan.",
    "Creating together with people who are not used to learning together. That asks for facilitation, leadership and the ability to deal with complexity.",
  ),
  questions: [
    ...pair(
      "collab-lead",
      l("Hoe geven jullie samen leiding aan het proces?", "How do you lead the process together?"),
      l("Wat heb jij nodig om goed mee te kunnen doen?", "What do you need to take part well?"),
    ),
    ...pair(
      "collab-complexity",
      l(
        "Hoe gaan jullie om met onzekerheid en tegenstrijdige belangen?",
        "How do you deal with uncertainty and conflicting interests?",
      ),
      l("Wat helpt jou om met complexiteit om te gaan?", "What helps you deal with complexity?"),
    ),
    {
      id: "collab-methods",
      kind: "multiple",
      audience: "individual",
      prompt: l(
        "Met welke manieren van samen creëren heb jij ervaring?",
        "Which ways of creating together have you experienced?",
      ),
      options: [
        { id: "design-thinking", label: l("Design thinking", "Design thinking") },
        { id: "living-lab", label: l("Living lab of proeftuin", "Living lab") },
        { id: "action-research", label: l("Actieonderzoek", "Action research") },
        { id: "learning-community", label: l("Leergemeenschap", "Learning community") },
        { id: "hackathon", label: l("Hackathon of challenge", "Hackathon or challenge") },
        { id: "none", label: l("Nog geen", "None yet") },
      ],
    },
    {
      id: "collab-essentials",
      kind: "ranking",
      audience: "group",
      prompt: l(
        "Zet de drie essenties in volgorde: waar moeten jullie het meest in groeien?",
        "Rank the three essentials: where do you most need to grow?",
      ),
      options: [
        { id: "knowledge", label: l("Kennismanagement", "Knowledge management") },
        { id: "network", label: l("Netwerkvorming", "Network forming") },
        { id: "collaboration", label: l("Samenwerken", "Collaborating") },
      ],
    },
  ],
};

export const learningRegionTemplate: Template = {
  title: l("De lerende regio: dialooginstrument", "The learning region: dialogue instrument"),
  description: l(
    "Vragen voor een open gesprek over samen leren in de regio: per thema een vraag aan de groep en een aan ieder persoonlijk.",
    "Questions for an open conversation about learning together in the region: per theme one question to the group and one to each person.",
  ),
  themes: [ambitions, cycle, roles, knowledge, network, collaborating],
  closing: {
    title: l("Tips", "Tips"),
    tips: [
      {
        title: l(
          "Werk samen als de opgave erom vraagt",
          "Collaborate when the challenge asks for it",
        ),
        body: l(
          "Samenwerken kost tijd; doe het waar een opgave niet alleen op te lossen is.",
          "Collaboration takes time; do it where a challenge cannot be solved alone.",
        ),
      },
      {
        title: l("Aanvaard complexiteit", "Accept complexity"),
        body: l(
          "Er is zelden één oplossing; ruimte voor zoeken en bijstellen hoort erbij.",
          "There is rarely one solution; room to search and adjust is part of it.",
        ),
      },
      {
        title: l("Blijf nieuwsgierig naar elkaar", "Stay curious about each other"),
        body: l(
          "Vraag door op andermans kennis en belangen, juist als die anders zijn.",
          "Ask about other people's knowledge and interests, especially when they differ.",
        ),
      },
      {
        title: l("Gebruik co-creatieve methodes", "Use co-creative methods"),
        body: l(
          "Kies werkvormen waarin iedereen kan bijdragen, niet alleen wie het woord voert.",
          "Choose formats in which everyone can contribute, not only those who speak up.",
        ),
      },
      {
        title: l("Bouw op vertrouwen", "Build on trust"),
        body: l(
          "Werk op locatie, aan concrete producten, wissel diensten uit en investeer in informele banden.",
          "Work on location, on concrete products, exchange services and invest in informal ties.",
        ),
      },
      {
        title: l("Organiseer het nieuwe leren", "Organise the new way of learning"),
        body: l(
          "Leg vast wat werkt in structuren, routines en financiering, zodat het niet stopt na het project.",
          "Anchor what works in structures, routines and funding, so that it does not stop when the project ends.",
        ),
      },
    ],
  },
  sources: [
    "Kuijer-Siebelink, W., Cuperus, J., Weijzen, S. & Hoeve, A. (2022). De lerende regio: werkzame mechanismes in de samenwerking tussen hoger onderwijs en partners in de regio. Een overzichtsstudie. HAN, lectoraat Responsief Beroepsonderwijs.",
    "Bergman, W., van den Broek, V., Kemper-Koebrugge, W., Gerritsen, M. & de Vijlder, F. (2017). Op weg naar een lerende regio. Onderzoek naar leren en kennisontwikkeling in en door regio's. Hogeschool van Arnhem en Nijmegen.",
  ],
};
