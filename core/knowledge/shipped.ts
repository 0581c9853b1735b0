import type { Locale } from "../../db/schema.ts";
import type { Essential } from "../kernel/sectors.ts";
import { slugFrom } from "../kernel/slug.ts";
import type { Reader } from "../kernel/tx.ts";

type L = Record<Locale, string>;

interface Tip {
  key: string;
  title: L;
  summary: L;
  body: L;
  essentials: Essential[];
  phases: number[];
}

/** Where the tips come from; credited on every copy. */
export const POSTER_CITATION =
  "HAN, poster 'De lerende regio' (dialooginstrument), op basis van Kuijer-Siebelink, W., Cuperus, J., Weijzen, S. & Hoeve, A. (2022), De lerende regio: werkzame mechanismes in de samenwerking tussen hoger onderwijs en partners in de regio, en Bergman, W. e.a. (2017), Op weg naar een lerende regio. In eigen woorden herschreven.";

/**
 * The six tips that close the poster's dialogue instrument (seed 001), in the project's own words,
 * each tagged with the essentials it helps with, so that a self-scan's weakest essential can point
 * to them. Every region gets its own copy, which it may edit or unpublish.
 */
export const POSTER_TIPS: readonly Tip[] = [
  {
    key: "poster-tip-1",
    title: {
      nl: "Werk alleen samen als de opgave erom vraagt",
      en: "Collaborate only when the challenge calls for it",
    },
    summary: {
      nl: "Een lerende regio kost tijd en energie: kies ervoor als een opgave te groot of te ingewikkeld is om alleen aan te pakken.",
      en: "A learning region costs time and energy: choose it when a challenge is too big or too tangled to tackle alone.",
    },
    body: {
      nl: "Begin bij de opgave, niet bij het netwerk. Vraag je samen af:\n\n- voor wie is deze opgave urgent, en waarom nu?\n- welke kennis ontbreekt als je het alleen doet?\n- wat levert samen leren op dat een losse opdracht niet oplevert?\n\nAls het antwoord mager is, is een gewone samenwerking of opdracht vaak beter.",
      en: "Start from the challenge, not from the network. Ask each other:\n\n- for whom is this challenge urgent, and why now?\n- what knowledge is missing if you go it alone?\n- what does learning together give that a single assignment does not?\n\nIf the answers are thin, an ordinary partnership or assignment is often better.",
    },
    essentials: ["collaboration", "network"],
    phases: [1],
  },
  {
    key: "poster-tip-2",
    title: { nl: "Aanvaard dat het complex is", en: "Accept that it is complex" },
    summary: {
      nl: "Verschillende mensen, organisaties en belangen maken samenwerken ingewikkeld. Dat hoort erbij en is geen teken dat het misgaat.",
      en: "Different people, organisations and interests make collaboration complicated. That comes with it and is no sign that things go wrong.",
    },
    body: {
      nl: "Verwacht geen rechte lijn. Maak ruimte om verschillen te benoemen, spreek af hoe je besluit als belangen botsen, en kijk regelmatig samen terug op wat er gebeurde.",
      en: "Expect no straight line. Make room to name differences, agree how you decide when interests clash, and look back together regularly on what happened.",
    },
    essentials: ["collaboration"],
    phases: [3],
  },
  {
    key: "poster-tip-3",
    title: { nl: "Blijf nieuwsgierig naar elkaar", en: "Stay curious about each other" },
    summary: {
      nl: "Vraag door naar wat de ander weet, wil en nodig heeft; zo leer je elkaars taal spreken.",
      en: "Keep asking what the others know, want and need; that is how you learn to speak each other's language.",
    },
    body: {
      nl: "Mensen uit onderwijs, overheid, bedrijven en de wijk gebruiken dezelfde woorden voor verschillende dingen. Check wat iemand bedoelt, nodig ervaringsdeskundigen uit, en wissel van plek: loop een dag mee.",
      en: "People from education, government, business and the neighbourhood use the same words for different things. Check what someone means, invite people with lived experience, and swap places: shadow someone for a day.",
    },
    essentials: ["network", "knowledge"],
    phases: [2],
  },
  {
    key: "poster-tip-4",
    title: { nl: "Gebruik co-creatieve methodes", en: "Use co-creative methods" },
    summary: {
      nl: "Kies werkvormen waarin iedereen als gelijke meedenkt, zodat je samen betekenis geeft en open naar oplossingen zoekt.",
      en: "Choose ways of working in which everyone takes part as an equal, so you make sense of the challenge together and look for solutions openly.",
    },
    body: {
      nl: "Denk aan een dialoogsessie met vragen aan de groep en aan ieder persoonlijk, een ontwerpsessie met prototypes, of een oogst van dromen, dilemma's en ideeën. Spreek af wie faciliteert en wie onafhankelijk kennismakelaar is.",
      en: "Think of a dialogue session with questions to the group and to each person, a design session with prototypes, or a harvest of dreams, dilemmas and ideas. Agree who facilitates and who is the independent knowledge broker.",
    },
    essentials: ["collaboration", "knowledge"],
    phases: [3],
  },
  {
    key: "poster-tip-5",
    title: { nl: "Werk vanuit vertrouwen", en: "Work from trust" },
    summary: {
      nl: "Vertrouwen groeit als je samen op locatie werkt, aan iets concreets bouwt, diensten uitruilt en ook informeel contact houdt.",
      en: "Trust grows when you work on location together, build something concrete, exchange services and keep in touch informally.",
    },
    body: {
      nl: "Kom bij elkaar op de plek waar de opgave speelt. Werk toe naar een tastbaar resultaat, help elkaar met wat je te bieden hebt, en onderschat de koffie na afloop niet.",
      en: "Meet where the challenge plays out. Work towards a tangible result, help each other with what you can offer, and do not underestimate the coffee afterwards.",
    },
    essentials: ["network", "knowledge"],
    phases: [2, 3],
  },
  {
    key: "poster-tip-6",
    title: {
      nl: "Organiseer de nieuwe manier van leren",
      en: "Organise the new way of learning",
    },
    summary: {
      nl: "Zorg dat samen leren niet stopt als een project afloopt: bouw aan structuren, vaste routines en nieuwe financiering.",
      en: "Make sure learning together does not stop when a project ends: build structures, regular routines and new funding.",
    },
    body: {
      nl: "Leg vast wat werkt: wie is eigenaar, wanneer kom je samen, waar landt de kennis, en wie betaalt het vervolg? Plan dit al in de derde fase, niet na de laatste evaluatie.",
      en: "Pin down what works: who owns it, when do you meet, where does the knowledge land, and who pays for what comes next? Plan this in the third phase already, not after the last evaluation.",
    },
    essentials: ["knowledge", "collaboration"],
    phases: [4],
  },
];

/** The rows of the tips for one region, in both languages. */
function tipRows(regionId: string) {
  return POSTER_TIPS.flatMap((tip) =>
    (["nl", "en"] as const).map((language) => ({
      region_id: regionId,
      slug: `tip-${slugFrom(tip.title[language], tip.key)}`.slice(0, 80).replace(/-+$/, ""),
      kind: "lesson" as const,
      title: tip.title[language],
      summary: tip.summary[language],
      body_md: tip.body[language],
      citation: POSTER_CITATION,
      essentials: [...tip.essentials],
      phases: [...tip.phases],
      language,
      status: "published" as const,
      visibility: "region" as const,
      shipped_key: tip.key,
      published_at: new Date(),
    })),
  );
}

/**
 * Seeds the tips into one region, or into every region when none is given (for regions that
 * existed before the knowledge base). Idempotent in one statement per region: a tip the region
 * already has (by shipped key and language), or whose address it already uses, is left as it is,
 * so edits and unpublishing survive seeding again.
 */
export async function seedShippedEntries(db: Reader, regionId?: string): Promise<number> {
  const regionIds = regionId
    ? [regionId]
    : (await db.selectFrom("regions").select("id").execute()).map((r) => r.id);
  let added = 0;
  for (const id of regionIds) {
    const r = await db
      .insertInto("knowledge_entries")
      .values(tipRows(id))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    added += Number(r.numInsertedOrUpdatedRows ?? 0n);
  }
  return added;
}
