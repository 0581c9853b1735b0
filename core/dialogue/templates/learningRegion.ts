import { PHASES, type Phase, type Question, type Template, type Theme } from "../template.ts";

/**
 * The learning-region dialogue instrument that ships with the product. Per topic there is a
 * question to the group ("how do you all …") and one to each person ("how do you …"), to open a
 * conversation. Written in our own words; the structure follows the HAN poster "De lerende regio",
 * whose sources are credited in `sources`.
 *
 * The first question is the ambition ladder: a session opens with it.
 */

type L = { nl: string; en: string };
const l = (nl: string, en: string): L => ({ nl, en });

/** One topic of the poster: an open question to the group and one to the individual. */
function pair(id: string, group: L, you: L): Question[] {
  return [
    { id: `${id}-group`, kind: "open", audience: "group", prompt: group },
    { id: `${id}-you`, kind: "open", audience: "individual", prompt: you },
  ];
}

const phaseLabels: Record<Phase, L> = {
  urgency: l("1. Welke opgave is urgent?", "1. Which challenge is urgent?"),
  network: l("2. Het netwerk vormen", "2. Forming the network"),
  together: l("3. Het samen doen", "3. Doing it together"),
  consolidate: l("4. Borgen en voortzetten", "4. Consolidating"),
};
const phaseOptions = PHASES.map((id) => ({ id, label: phaseLabels[id] }));

const ambitions: Theme = {
  id: "ambitions",
  title: l("Ambities voor samenwerking", "Ambitions for collaboration"),
  intro: l(
    "Hoger onderwijs en regio kunnen om heel verschillende redenen samenwerken: van genoeg goed opgeleide vakmensen tot een regio die als geheel leert. Elke trede hoger op de ladder vraagt meer van de partners; de lerende regio is de meest veeleisende. Waar staan jullie nu, en waar willen jullie heen?",
    "Higher education and the region can work together for very different reasons: from enough well-trained professionals to a region that learns as a whole. Each step up the ladder asks more of the partners; the learning region is the most demanding. Where are you now, and where do you want to go?",
  ),
  questions: [
    {
      id: "ambitions-ladder",
      kind: "ladder",
      audience: "group",
      prompt: l(
        "Waar staat jullie samenwerking nu op de ambitieladder, en waar willen jullie dat ze komt te staan?",
        "Where is your collaboration on the ambition ladder now, and where do you want it to be?",
      ),
      help: l(
        "1 Goed en genoeg personeel: samen actuele vakkennis doorgeven aan nieuwe vakmensen. 2 Actueel curriculum: de praktijk brengt nieuwe ontwikkelingen het onderwijs in. 3 Werkplekleren en leven lang ontwikkelen: studenten en professionals leren en onderzoeken in de praktijk. 4 Vraagstukken uit de praktijk: onderwijs en praktijk ontwikkelen per project samen kennis. 5 De lerende regio: in een netwerk stelselmatig kennis ontwikkelen die de praktijk verandert.",
        "1 Enough good staff: jointly passing current craft knowledge on to new professionals. 2 Up-to-date curriculum: practice brings new developments into education. 3 Workplace learning and lifelong development: students and professionals learn and do research in practice. 4 Challenges from practice: education and practice develop knowledge together, project by project. 5 The learning region: a network that systematically develops knowledge which changes practice.",
      ),
    },
    ...pair(
      "ambitions-aim",
      l(
        "Wat willen jullie met deze samenwerking bereiken? Welke ambitie delen jullie?",
        "What do you want to achieve with this collaboration? Which ambition do you share?",
      ),
      l("Wat draag jij bij aan die ambitie?", "What do you contribute to that ambition?"),
    ),
    ...pair(
      "ambitions-outcome",
      l(
        "Welke resultaten willen jullie samen bereiken?",
        "Which results do you want to achieve together?",
      ),
      l("Welk resultaat is voor jou het belangrijkst?", "Which result matters most to you?"),
    ),
    ...pair(
      "ambitions-learning",
      l("Hoe leren jullie van en met elkaar?", "How do you learn from and with each other?"),
      l("Hoe leer jij zelf het best?", "How do you learn best yourself?"),
    ),
    ...pair(
      "ambitions-focus",
      l(
        "Op welke trede van de ladder ligt bij jullie nu het accent?",
        "Which step of the ladder gets most of your attention now?",
      ),
      l(
        "Bij welke trede voel jij je het meest betrokken?",
        "Which step of the ladder do you feel most drawn to?",
      ),
    ),
    {
      id: "ambitions-words",
      kind: "wordcloud",
      audience: "individual",
      prompt: l(
        "Welke woorden passen bij de samenwerking die jullie voor ogen hebben? (hoogstens drie)",
        "Which words fit the collaboration you have in mind? (three at most)",
      ),
    },
  ],
};

const cycle: Theme = {
  id: "cycle",
  title: l("Samen leren als cyclus", "Learning together as a cycle"),
  intro: l(
    "Samen leren over de grenzen van organisaties heen verloopt in vier fasen: bepalen welke opgave urgent is, het netwerk vormen, het samen doen en borgen wat werkt. Daarna begint de cyclus opnieuw. Vaak krijgt de ene fase veel aandacht en blijft een andere in de schaduw.",
    "Learning together across organisational boundaries runs through four phases: deciding which challenge is urgent, forming the network, doing it together and consolidating what works. Then the cycle starts again. Often one phase gets a lot of attention while another stays in the shadow.",
  ),
  questions: [
    {
      id: "cycle-points",
      kind: "phases",
      audience: "individual",
      prompt: l(
        "Verdeel 10 punten over de vier fasen: hoe meer aandacht een fase bij jullie krijgt, hoe meer punten.",
        "Divide 10 points over the four phases: the more attention a phase gets in your collaboration, the more points it gets.",
      ),
      help: l(
        "Urgente opgave: thema's die meerdere partijen belangrijk en dringend vinden. Netwerk vormen: wie heeft met het thema te maken en welke kennis is nodig, vanuit werk, onderzoek, leven, beleid en onderwijs. Samen doen: een werkwijze kiezen, samen betekenis geven aan het thema, mogelijkheden bedenken en uitproberen. Borgen: leren wat nodig is om door te gaan, met nieuwe werkwijzen, structuren en financiering.",
        "Urgent challenge: themes that several parties find important and pressing. Forming the network: who is affected by the theme and which knowledge is needed, from work, research, daily life, policy and education. Doing it together: choosing a way of working, making sense of the theme together, creating options and trying them out. Consolidating: learning what it takes to carry on, with new ways of working, structures and funding.",
      ),
    },
    ...pair(
      "cycle-attention",
      l(
        "Aan welke fasen besteden jullie veel tijd en energie, en hoe komt dat?",
        "Which phases get much of your time and energy, and why is that?",
      ),
      l(
        "In welke fase ben jij het meest in je element?",
        "In which phase are you most in your element?",
      ),
    ),
    {
      id: "cycle-underexposed",
      kind: "single",
      audience: "group",
      prompt: l(
        "Welke fase blijft bij jullie onderbelicht?",
        "Which phase is under-exposed in your collaboration?",
      ),
      options: phaseOptions,
    },
    ...pair(
      "cycle-urgent",
      l(
        "Welke opgave vinden meerdere partijen in jullie regio zowel belangrijk als dringend?",
        "Which challenge do several parties in your region find both important and pressing?",
      ),
      l("Welke opgave gaat jou aan het hart?", "Which challenge do you care about most?"),
    ),
    ...pair(
      "cycle-continue",
      l(
        "Wat is er nodig om deze manier van samenwerken voort te zetten als een project afloopt?",
        "What does it take to continue this way of working together once a project ends?",
      ),
      l(
        "Wat kun jij doen om ervoor te zorgen dat het doorgaat?",
        "What can you do to make sure it carries on?",
      ),
    ),
  ],
};

const roles: Theme = {
  id: "roles",
  title: l("Rollen in de samenwerking", "Roles in the collaboration"),
  intro: l(
    "Hoe diverser de groep, hoe meer rollen er te verdelen zijn, elk passend bij iemands kennis en netwerk. Inwoners brengen ervaringskennis in, het hoger onderwijs zorgt voor formele kennis en begeleidt het samen maken van kennis, en overheden zetten namens de stad of het gebied thema's op de agenda.",
    "The more diverse the group, the more roles there are to share, each fitting someone's knowledge and network. Residents bring experiential knowledge, higher education brings formal knowledge and guides the joint making of knowledge, and governments put themes on the agenda on behalf of the city or area.",
  ),
  questions: [
    ...pair(
      "roles-parties",
      l(
        "Welke rol vervult elke partij in jullie samenwerking?",
        "What role does each party play in your collaboration?",
      ),
      l("Welke rol heb jij?", "What is your role?"),
    ),
    {
      id: "roles-equal",
      kind: "scale",
      audience: "individual",
      prompt: l(
        "Hoe gelijkwaardig is de rol van inwoners in deze samenwerking?",
        "How equal is the role of residents in this collaboration?",
      ),
      min: 1,
      max: 5,
      minLabel: l("helemaal niet gelijkwaardig", "not equal at all"),
      maxLabel: l("volledig gelijkwaardig", "fully equal"),
    },
    ...pair(
      "roles-residents",
      l(
        "Hebben inwoners bij jullie evenveel te zeggen als de andere partners? Waaraan zie je dat?",
        "Do residents have as much say as the other partners? How can you tell?",
      ),
      l(
        "Wanneer voelt een samenwerking voor jou gelijkwaardig?",
        "When does a collaboration feel equal to you?",
      ),
    ),
    ...pair(
      "roles-broker",
      l(
        "Wie is bij jullie de onafhankelijke kennismakelaar?",
        "Who acts as the independent knowledge broker in your collaboration?",
      ),
      l(
        "Welke rol speel jij bij het ontwikkelen van kennis?",
        "What part do you play in developing knowledge?",
      ),
    ),
  ],
};

const knowledgeManagement: Theme = {
  id: "knowledge-management",
  title: l("Kennismanagement", "Knowledge management"),
  intro: l(
    "Kennismanagement betekent dat de juiste combinaties van kennis rond een opgave bij elkaar komen en ook echt samen worden gebruikt. Dat lukt alleen met open communicatie, tijd om vertrouwen te laten groeien, en geld en structuren die het ondersteunen.",
    "Knowledge management means that the right combinations of knowledge come together around a challenge and are actually used together. That only works with open communication, time for trust to grow, and funding and structures that support it.",
  ),
  questions: [
    ...pair(
      "knowledge-mutual",
      l(
        "Hoe zorgen jullie ervoor dat kennis over en weer gaat, en niet maar één kant op?",
        "How do you make sure knowledge flows back and forth, not just one way?",
      ),
      l(
        "Welke kennis breng jij in, en wat neem je mee terug?",
        "What knowledge do you bring in, and what do you take back?",
      ),
    ),
    {
      id: "knowledge-mutual-scale",
      kind: "scale",
      audience: "group",
      prompt: l(
        "Hoe wederkerig is de kennisuitwisseling in jullie samenwerking?",
        "How mutual is the exchange of knowledge in your collaboration?",
      ),
      min: 1,
      max: 5,
      minLabel: l("kennis gaat één kant op", "knowledge flows one way"),
      maxLabel: l("kennis gaat volop over en weer", "knowledge flows freely both ways"),
    },
    ...pair(
      "knowledge-methods",
      l(
        "Met welke methodes werken jullie samen aan een oplossing voor jullie vraagstuk?",
        "Which methods do you use to work together on solving your challenge?",
      ),
      l(
        "Met welke methodes of aanpakken heb jij al eerder gewerkt?",
        "Which methods or approaches have you worked with before?",
      ),
    ),
    ...pair(
      "knowledge-conditions",
      l(
        "Hoe regelen jullie samen de randvoorwaarden, zoals financiering en ondersteuning?",
        "How do you jointly arrange the conditions, such as funding and support?",
      ),
      l(
        "Hoe steunen je organisatie en je achterban jou hierin?",
        "How do your organisation and the people you represent back you in this?",
      ),
    ),
    ...pair(
      "knowledge-open",
      l(
        "Hoe open communiceren jullie met elkaar, en wat doen jullie om dat zo te houden?",
        "How openly do you communicate with each other, and what do you do to keep it that way?",
      ),
      l(
        "Hoe open ben jij zelf in deze samenwerking?",
        "How open are you yourself in this collaboration?",
      ),
    ),
  ],
};

const networkForming: Theme = {
  id: "network-forming",
  title: l("Netwerkvorming", "Network forming"),
  intro: l(
    "Een netwerk vormen betekent mensen met heel verschillende expertise bij elkaar brengen. Bruggenbouwers leggen de verbinding tussen hen: zij helpen het netwerk samenhangend te maken en tegelijk divers te houden.",
    "Forming a network means bringing together people with very different kinds of expertise. Bridge builders connect them: they help make the network coherent while keeping it diverse.",
  ),
  questions: [
    ...pair(
      "network-trust",
      l("Hoe bouwen jullie met elkaar aan vertrouwen?", "How do you build trust with each other?"),
      l(
        "Wat heb jij nodig om op de samenwerking te kunnen vertrouwen?",
        "What do you need to be able to trust the collaboration?",
      ),
    ),
    ...pair(
      "network-complement",
      l("Waarin vullen jullie elkaar aan?", "In what ways do you complement each other?"),
      l(
        "Welke kennis of vaardigheden onderscheiden jou van de anderen?",
        "Which knowledge or skills set you apart from the others?",
      ),
    ),
    ...pair(
      "network-meet",
      l(
        "Hoe zorgen jullie ervoor dat mensen elkaar ontmoeten?",
        "How do you make sure people get to meet each other?",
      ),
      l(
        "Hoe vaak ben jij erbij als er gelegenheid is om elkaar te ontmoeten?",
        "How often do you join in when there is a chance to meet?",
      ),
    ),
    {
      id: "network-perspectives",
      kind: "multiple",
      audience: "group",
      prompt: l(
        "Welke perspectieven zijn goed vertegenwoordigd in jullie netwerk?",
        "Which perspectives are well represented in your network?",
      ),
      help: l(
        "Ontbreekt er een perspectief? Bespreek wie jullie daarvoor kunnen uitnodigen.",
        "Is a perspective missing? Discuss whom you could invite to bring it in.",
      ),
      options: [
        { id: "work", label: l("Werk", "Work") },
        { id: "research", label: l("Onderzoek", "Research") },
        { id: "living", label: l("Wonen en leven", "Daily life") },
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
    "Samenwerken in een lerende regio is samen creëren met mensen die niet gewend zijn om samen te leren, die elkaar soms nog niet kennen en uit heel andere werelden komen. Dat maakt goed samenwerken complex. Leren samenwerken is daarom zelf een wezenlijk deel van de lerende regio.",
    "Collaborating in a learning region means creating together with people who are not used to learning together, who may not know each other yet and come from very different worlds. That makes working well together complex. Learning to collaborate is therefore an essential part of the learning region itself.",
  ),
  questions: [
    ...pair(
      "collab-bridges",
      l(
        "Wie zijn de bruggenbouwers in deze samenwerking, en wat levert hun werk op?",
        "Who are the bridge builders in this collaboration, and what does their work bring?",
      ),
      l(
        "Zie jij jezelf als bruggenbouwer? Waarom wel of niet?",
        "Do you see yourself as a bridge builder? Why, or why not?",
      ),
    ),
    ...pair(
      "collab-facilitator",
      l(
        "Wie begeleidt het proces van deze samenwerking?",
        "Who facilitates the process of this collaboration?",
      ),
      l("Welke begeleiding heb jij nodig?", "What kind of facilitation do you need?"),
    ),
    ...pair(
      "collab-complexity",
      l(
        "Hoe gaan jullie om met de complexiteit van de samenwerking?",
        "How do you deal with the complexity of working together?",
      ),
      l("Hoe ga jij zelf om met complexiteit?", "How do you handle complexity yourself?"),
    ),
    ...pair(
      "collab-leadership",
      l(
        "Hoe ziet leiderschap eruit in jullie netwerk?",
        "What does leadership look like in your network?",
      ),
      l("Neem jij weleens de leiding? Wanneer?", "Do you ever take the lead? When?"),
    ),
    {
      id: "collab-methods",
      kind: "multiple",
      audience: "group",
      prompt: l(
        "Welke co-creatieve methodes hebben jullie al samen gebruikt?",
        "Which co-creative methods have you already used together?",
      ),
      options: [
        { id: "action-research", label: l("Actieonderzoek", "Action research") },
        { id: "design-thinking", label: l("Design thinking", "Design thinking") },
        { id: "living-lab", label: l("Living lab of proeftuin", "Living lab or testing ground") },
        { id: "learning-community", label: l("Leergemeenschap", "Learning community") },
        { id: "hackathon", label: l("Hackathon of challenge", "Hackathon or challenge") },
        { id: "other", label: l("Een andere methode", "Another method") },
        { id: "none", label: l("Nog geen", "None yet") },
      ],
    },
    {
      id: "collab-essentials",
      kind: "ranking",
      audience: "group",
      prompt: l(
        "Zet de drie essenties op volgorde: waarin moeten jullie als groep het meest groeien?",
        "Rank the three essentials: where does your group most need to grow?",
      ),
      options: [
        { id: "knowledge-management", label: l("Kennismanagement", "Knowledge management") },
        { id: "network-forming", label: l("Netwerkvorming", "Network forming") },
        { id: "collaborating", label: l("Samenwerken", "Collaborating") },
      ],
    },
  ],
};

export const learningRegionTemplate: Template = {
  title: l("De lerende regio: dialooginstrument", "The learning region: a dialogue instrument"),
  description: l(
    "Een gespreksinstrument voor partners die samen een lerende regio willen worden. Per thema is er een vraag aan de groep en een vraag aan ieder persoonlijk, om een open gesprek op gang te brengen.",
    "A conversation tool for partners who want to become a learning region together. Each theme has a question to the group and a question to each person, to get an open dialogue going.",
  ),
  themes: [ambitions, cycle, roles, knowledgeManagement, networkForming, collaborating],
  closing: {
    title: l("Tips", "Tips"),
    tips: [
      {
        title: l(
          "Werk alleen samen als de opgave erom vraagt",
          "Collaborate only when the challenge calls for it",
        ),
        body: l(
          "Een lerende regio kost veel tijd en energie. Kies ervoor als een opgave te groot of te ingewikkeld is om alleen aan te pakken.",
          "A learning region takes a lot of time and energy. Choose it when a challenge is too big or too tangled to tackle on your own.",
        ),
      },
      {
        title: l("Aanvaard dat het complex is", "Accept that it is complex"),
        body: l(
          "Verschillende mensen, organisaties en belangen maken samenwerken ingewikkeld. Dat is geen teken dat het misgaat; het hoort erbij.",
          "Different people, organisations and interests make collaboration complicated. That is no sign that things are going wrong; it comes with the territory.",
        ),
      },
      {
        title: l("Blijf nieuwsgierig naar elkaar", "Stay curious about each other"),
        body: l(
          "Vraag door naar wat de ander weet, wil en nodig heeft. Zo leer je elkaars taal spreken en elkaar echt begrijpen.",
          "Keep asking what the others know, want and need. That is how you learn each other's language and come to really understand each other.",
        ),
      },
      {
        title: l("Gebruik co-creatieve methodes", "Use co-creative methods"),
        body: l(
          "Kies werkvormen waarin iedereen als gelijke meedenkt, zodat je samen betekenis geeft aan de opgave en open en creatief naar oplossingen zoekt.",
          "Choose ways of working in which everyone takes part as an equal, so that you make sense of the challenge together and look for solutions openly and creatively.",
        ),
      },
      {
        title: l("Werk vanuit vertrouwen", "Work from trust"),
        body: l(
          "Vertrouwen groeit als je samen op locatie werkt, aan iets concreets bouwt, diensten met elkaar uitruilt en ook informeel contact onderhoudt.",
          "Trust grows when you work on location together, build something concrete, exchange services and keep in touch informally as well.",
        ),
      },
      {
        title: l("Organiseer de nieuwe manier van leren", "Organise the new way of learning"),
        body: l(
          "Zorg dat samen leren niet stopt als een project afloopt: bouw aan nieuwe structuren, vaste routines en nieuwe bronnen van financiering.",
          "Make sure learning together does not stop when a project ends: build new structures, regular routines and new sources of funding.",
        ),
      },
    ],
  },
  sources: [
    "Kuijer-Siebelink, W., Cuperus, J., Weijzen, S. & Hoeve, A. (2022). De lerende regio: werkzame mechanismes in de samenwerking tussen hoger onderwijs en partners in de regio. Een overzichtsstudie. HAN, lectoraat Responsief Beroepsonderwijs.",
    "Bergman, W., van den Broek, V., Kemper-Koebrugge, W., Gerritsen, M. & de Vijlder, F. (2017). Op weg naar een lerende regio. Onderzoek naar leren en kennisontwikkeling in en door regio's. Hogeschool van Arnhem en Nijmegen.",
    "Opbouw naar de poster 'De lerende regio' (HAN), een dialooginstrument op basis van beide studies; de vragen en teksten zijn in eigen woorden herschreven.",
  ],
};
