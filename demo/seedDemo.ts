import { randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import type { Db } from "../db/client.ts";
import type { Database } from "../db/schema.ts";
import { hashPassword } from "../core/accounts/password.ts";
import { slugFrom } from "../core/kernel/slug.ts";
import { scheduleEventJobs } from "../core/events/eventJobs.ts";
import { parseLocalDateTime, toLocalInput } from "../core/kernel/time.ts";
import type { Sector } from "../core/kernel/sectors.ts";
import { seedDemoKnowledge } from "../core/knowledge/demo.ts";

export const DEMO_EMAIL = "demo@lerenderegio.nl";

const organisations: { name: string; sector: Sector }[] = [
  { name: "Gemeente Nijmegen", sector: "government" },
  { name: "Gemeente Arnhem", sector: "government" },
  { name: "ROC Nijmegen", sector: "mbo" },
  { name: "Hogeschool van Arnhem en Nijmegen", sector: "hbo" },
  { name: "Radboud Universiteit", sector: "wo" },
  { name: "Sociaal Wijkteam Oost", sector: "social" },
  { name: "Zorggroep De Linge", sector: "social" },
  { name: "Bouwbedrijf Van Dijk", sector: "company" },
];

const people: { name: string; org: number; perspectives: string[]; expertise: string[] }[] = [
  {
    name: "Fatima El Amrani",
    org: 0,
    perspectives: ["policy"],
    expertise: ["sociaal domein", "armoede"],
  },
  { name: "Jeroen Willems", org: 1, perspectives: ["policy", "work"], expertise: ["arbeidsmarkt"] },
  {
    name: "Sanne de Boer",
    org: 2,
    perspectives: ["education"],
    expertise: ["zorgopleidingen", "praktijkleren"],
  },
  {
    name: "Ahmet Yilmaz",
    org: 3,
    perspectives: ["research", "education"],
    expertise: ["actieonderzoek", "co-creatie"],
  },
  { name: "Lotte Jansen", org: 3, perspectives: ["research"], expertise: ["kennisbenutting"] },
  { name: "Pieter Hendriks", org: 4, perspectives: ["research"], expertise: ["netwerkanalyse"] },
  {
    name: "Maria Santos",
    org: 5,
    perspectives: ["work", "living"],
    expertise: ["wijkgericht werken"],
  },
  {
    name: "Kees Bakker",
    org: 6,
    perspectives: ["work"],
    expertise: ["ouderenzorg", "personeelstekort"],
  },
  { name: "Noor Visser", org: 7, perspectives: ["work"], expertise: ["duurzaam bouwen"] },
];

const DAY = 24 * 3600 * 1000;

/** 14:30 Amsterdam time, `days` days from now: the demo's agenda is always upcoming. */
function afternoon(days: number, time: string): Date {
  const day = toLocalInput(new Date(Date.now() + days * DAY)).slice(0, 10);
  return parseLocalDateTime(`${day}T${time}`)!;
}

const place = {
  mode: "on_site",
  address: "HAN, Ruitenberglaan 26, 6826 CC Arnhem",
  room: "A.1.01",
  organisers: "Kenniscentrum Publieke Zaak (HAN), in opdracht van Stichting IKPOB",
  reminder_days: 2,
} as const;

/** Two knowledge sessions in a series, after the invitation the project started from. */
const sessions = [
  {
    days: 42,
    title: "Kennissessie: op weg naar een lerende regio",
    summary:
      "In een lerende regio werken overheden, kennisinstellingen, maatschappelijke organisaties, ondernemers en bewoners samen aan kennis over complexe vraagstukken in het sociaal domein. In deze eerste kennissessie wisselen we ervaring en kennis uit over samenwerkend leren en innovatie.",
    programme:
      "Uit landelijk onderzoek blijkt dat er veel ervaring is opgebouwd met lerende regio's in andere sectoren, zoals de bouw, techniek en landbouw. Zijn die inzichten ook bruikbaar in het sociaal domein?\n\nAan bod komen:\n- werkzame elementen bij het inrichten van systematische kennisontwikkeling en -toepassing\n- terugkerende patronen in leerprocessen in netwerken die tot innovatie leiden\n\n14:30 Welkom\n14:45 Ervaringen uit andere sectoren\n15:30 Gesprek in groepen\n16:15 Oogst en vooruitblik",
    // Small on purpose: the demo shows the waitlist at work with the second registration.
    capacity: 1,
    questions: [
      {
        id: "uitkomst",
        kind: "yesno",
        label: "Wil je na afloop de uitkomsten ontvangen?",
        options: [],
        required: false,
      },
    ],
  },
  {
    days: 161,
    title: "Kennissessie 2: een gezamenlijk handvat",
    summary:
      "Het vervolg op de eerste kennissessie: samen ontwikkelen we een handvat met de succesfactoren voor lerende regio's in het sociaal domein.",
    programme:
      "We bouwen voort op de opbrengst van de eerste sessie: wat zijn succesfactoren voor lerende regio's? Het volledige programma volgt.",
    capacity: 40,
    questions: [],
  },
];

const ago = (days: number) => new Date(Date.now() - days * DAY);

/**
 * Three challenges at different points of the cycle, so the dashboard has something to say at
 * once: one doing it together with a growing ambition, one stuck in phase 2 for seven months (a
 * warning), and one in phase 4 with only its funding agreed (a warning). Organisation indexes
 * refer to `organisations` above.
 */
const demoChallenges = [
  {
    title: "Genoeg goed personeel in zorg en welzijn",
    why_urgent:
      "Een op de vier vacatures in zorg en welzijn blijft langer dan drie maanden open. Wijkteams werken met wachtlijsten en stagiairs haken af.",
    for_whom: "Inwoners die zorg en ondersteuning nodig hebben, en de mensen die hen helpen.",
    guiding_question: "Hoe leiden we samen op, en houden we mensen vast, waar het werk is?",
    geography: "Arnhem, Nijmegen en de omliggende gemeenten",
    owners: "Gemeente Nijmegen en ROC Nijmegen",
    phases: [
      { to: 1, days: 400, reason: "" },
      { to: 2, days: 300, reason: "De urgentie is gedeeld in de eerste dialoogsessie." },
      { to: 3, days: 120, reason: "Vier partners starten samen een leerwerkplaats in de wijk." },
    ],
    ratings: [
      { org: 0, urgency: 5, importance: 5, why: "Wachtlijsten in de wijkteams lopen op." },
      { org: 2, urgency: 5, importance: 4, why: "Stagiairs vinden te weinig begeleiding." },
      { org: 3, urgency: 4, importance: 5, why: "" },
      { org: 6, urgency: 5, importance: 5, why: "We sluiten bedden door personeelstekort." },
      { org: 7, urgency: 2, importance: 3, why: "Raakt ons vooral indirect." },
    ],
    roles: [
      { role: "initiator", org: 0 },
      { role: "knowledgeBroker", org: 3 },
      { role: "funder", org: 0 },
      { role: "processLead", org: 5 },
    ],
    ambitions: [
      { now: 1, desired: 3, days: 300 },
      { now: 2, desired: 4, days: 120 },
      { now: 3, desired: 4, days: 20 },
    ],
    events: [0],
    continuation: { funding: "", structure: "", owner: "" },
  },
  {
    title: "Bestaanszekerheid in de wijk",
    why_urgent:
      "Steeds meer huishoudens komen rond het einde van de maand niet rond; hulp komt vaak pas als schulden al hoog zijn.",
    for_whom: "Huishoudens met geldzorgen in Arnhem-Oost en Nijmegen-Oost.",
    guiding_question: "Hoe signaleren en helpen we eerder, dichtbij huis?",
    geography: "Arnhem-Oost, Nijmegen-Oost",
    owners: "Sociaal Wijkteam Oost",
    phases: [
      { to: 1, days: 330, reason: "" },
      {
        to: 2,
        days: 7 * 30,
        reason: "Wijkteam en gemeente zoeken partners voor vroegsignalering.",
      },
    ],
    ratings: [
      { org: 5, urgency: 5, importance: 5, why: "Dagelijks aan de keukentafel." },
      { org: 1, urgency: 4, importance: 4, why: "" },
      { org: 4, urgency: 3, importance: 4, why: "Onderzoek naar vroegsignalering loopt." },
    ],
    roles: [
      { role: "initiator", org: 5 },
      { role: "bridgeBuilder", org: 1 },
    ],
    ambitions: [{ now: 2, desired: 3, days: 200 }],
    events: [1],
    continuation: { funding: "", structure: "", owner: "" },
  },
  {
    title: "Werkplekleren en leven lang ontwikkelen",
    why_urgent:
      "Werkenden krijgen weinig ruimte om bij te leren; opleiding en praktijk staan los van elkaar.",
    for_whom: "Werkenden en werkgevers in techniek, bouw en zorg.",
    guiding_question: "Hoe maken we van elke werkplek een leerplek?",
    geography: "Regio Arnhem-Nijmegen",
    owners: "Hogeschool van Arnhem en Nijmegen",
    phases: [
      { to: 1, days: 720, reason: "" },
      { to: 2, days: 600, reason: "Netwerk van opleiders en werkgevers gevormd." },
      { to: 3, days: 420, reason: "Pilots in drie bedrijven." },
      { to: 4, days: 60, reason: "Pilots geëvalueerd; nu borgen." },
    ],
    ratings: [
      { org: 7, urgency: 4, importance: 4, why: "Vakmensen willen bijblijven." },
      { org: 3, urgency: 3, importance: 5, why: "" },
      { org: 2, urgency: 4, importance: 4, why: "" },
    ],
    roles: [
      { role: "initiator", org: 3 },
      { role: "processLead", org: 3 },
    ],
    ambitions: [
      { now: 2, desired: 3, days: 500 },
      { now: 3, desired: 3, days: 60 },
    ],
    events: [],
    continuation: { funding: "Regiodeal 2027–2030", structure: "", owner: "" },
  },
] as const;

/** The demo's challenges with their history, ratings, roles, ambitions and links to its events. */
async function seedChallenges(
  trx: Transaction<Database>,
  ctx: { regionId: string; userId: string; orgs: { id: string }[]; eventIds: string[] },
) {
  const rows = await trx
    .insertInto("challenges")
    .values(
      demoChallenges.map((c) => ({
        region_id: ctx.regionId,
        slug: slugFrom(c.title),
        title: c.title,
        why_urgent: c.why_urgent,
        for_whom: c.for_whom,
        guiding_question: c.guiding_question,
        geography: c.geography,
        owners: c.owners,
        published: true,
        phase: c.phases.at(-1)!.to,
        phase_since: ago(c.phases.at(-1)!.days),
        continuation_funding: c.continuation.funding,
        continuation_structure: c.continuation.structure,
        continuation_owner: c.continuation.owner,
        created_by: ctx.userId,
      })),
    )
    .returning("id")
    .execute();
  const each = <T>(f: (c: (typeof demoChallenges)[number], id: string) => T[]) =>
    demoChallenges.flatMap((c, i) => f(c, rows[i]!.id));
  await trx
    .insertInto("challenge_phase_changes")
    .values(
      each((c, id) =>
        c.phases.map((p, i) => ({
          challenge_id: id,
          from_phase: i === 0 ? null : c.phases[i - 1]!.to,
          to_phase: p.to,
          reason: p.reason,
          changed_by: ctx.userId,
          changed_at: ago(p.days),
        })),
      ),
    )
    .execute();
  await trx
    .insertInto("challenge_ratings")
    .values(
      each((c, id) =>
        c.ratings.map((r) => ({
          challenge_id: id,
          organisation_id: ctx.orgs[r.org]!.id,
          sector: organisations[r.org]!.sector,
          urgency: r.urgency,
          importance: r.importance,
          why: r.why,
          updated_at: ago(90),
        })),
      ),
    )
    .execute();
  await trx
    .insertInto("challenge_roles")
    .values(
      each((c, id) =>
        c.roles.map((r) => ({
          challenge_id: id,
          role: r.role,
          organisation_id: ctx.orgs[r.org]!.id,
        })),
      ),
    )
    .execute();
  await trx
    .insertInto("challenge_ambitions")
    .values(
      each((c, id) =>
        c.ambitions.map((a) => ({
          challenge_id: id,
          now_level: a.now,
          desired_level: a.desired,
          set_by: ctx.userId,
          recorded_at: ago(a.days),
        })),
      ),
    )
    .execute();
  const links = each((c, id) =>
    c.events.map((e) => ({
      challenge_id: id,
      event_id: ctx.eventIds[e]!,
      phase: c.phases.at(-1)!.to,
    })),
  );
  if (links.length) await trx.insertInto("challenge_links").values(links).execute();
  return rows.map((r) => r.id);
}

/**
 * A network to look at (issue 12): two past workshops where people worked together (checked
 * in), a coalition and a recorded collaboration, all serving the first challenge. Ahmet
 * (hogeschool) is at both workshops and in the coalition: the bridge between the municipalities
 * and the mbo on one side and welfare, care and business on the other. Nobody speaks for the
 * residents: the gap the challenge's network shows.
 */
async function seedNetwork(
  trx: Transaction<Database>,
  ctx: {
    regionId: string;
    userId: string;
    people: { id: string; name: string; email: string | null }[];
    orgs: { id: string }[];
    challengeId: string;
  },
) {
  const workshops = [
    { title: "Werkplaats: leerwerkplekken in zorg en welzijn", days: 70, who: [0, 1, 2, 3] },
    { title: "Werkplaats: samen opleiden in de wijk", days: 25, who: [3, 6, 7, 8] },
  ];
  for (const w of workshops) {
    const event = await trx
      .insertInto("events")
      .values({
        ...place,
        region_id: ctx.regionId,
        slug: slugFrom(w.title),
        kind: "workshop",
        title: w.title,
        summary: "Een werkplaats in kleine groepen.",
        starts_at: ago(w.days),
        ends_at: new Date(ago(w.days).getTime() + 2 * 3_600_000),
        status: "published",
        created_by: ctx.userId,
        updated_at: ago(w.days),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("registrations")
      .values(
        w.who.map((i) => ({
          event_id: event.id,
          region_id: ctx.regionId,
          email: ctx.people[i]!.email!,
          name: ctx.people[i]!.name,
          organisation: organisations[people[i]!.org]!.name,
          sector: organisations[people[i]!.org]!.sector,
          status: "confirmed" as const,
          consent_at: ago(w.days + 14),
          checked_in_at: ago(w.days),
          updated_at: ago(w.days),
        })),
      )
      .execute();
    await trx
      .insertInto("challenge_links")
      .values({ challenge_id: ctx.challengeId, event_id: event.id, phase: 2 })
      .execute();
  }
  const coalition = await trx
    .insertInto("coalitions")
    .values({
      region_id: ctx.regionId,
      title: "Kenniswerkplaats zorg en onderwijs",
      lead_name: ctx.people[4]!.name,
      lead_organisation: organisations[people[4]!.org]!.name,
      updated_at: ago(10),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("coalition_members")
    .values(
      [3, 4, 5].map((i) => ({
        coalition_id: coalition.id,
        name: ctx.people[i]!.name,
        email: ctx.people[i]!.email,
        organisation: organisations[people[i]!.org]!.name,
        sector: organisations[people[i]!.org]!.sector,
        status: "member" as const,
        consent_at: ago(30),
      })),
    )
    .execute();
  await trx
    .insertInto("challenge_links")
    .values({ challenge_id: ctx.challengeId, coalition_id: coalition.id, phase: 2 })
    .execute();
  const [a, b] = [ctx.people[0]!.id, ctx.people[6]!.id].sort();
  await trx
    .insertInto("network_ties")
    .values({
      region_id: ctx.regionId,
      person_a: a!,
      person_b: b!,
      kind: "works_with",
      note: "Samen verantwoordelijk voor de wijkaanpak.",
      recorded_by: ctx.userId,
    })
    .execute();
}

/**
 * On an empty database: a platform administrator and a demo region with organisations across the
 * quadruple helix and people with perspectives, so that a newcomer sees a living region at once.
 * Returns the sign-in, or null when the database already had regions.
 */
export async function seedDemoIfEmpty(
  db: Db,
): Promise<{ regionName: string; email: string; password: string } | null> {
  const any = await db.selectFrom("regions").select("id").limit(1).executeTakeFirst();
  if (any) return null;
  const password = randomBytes(9).toString("base64url");
  const passwordHash = await hashPassword(password);
  const regionName = "Lerende Regio Arnhem-Nijmegen";
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto("users")
      .values({
        email: DEMO_EMAIL,
        name: "Demo Coördinator",
        password_hash: passwordHash,
        is_platform_admin: true,
      })
      .onConflict((oc) =>
        oc.column("email").doUpdateSet({ password_hash: passwordHash, is_platform_admin: true }),
      )
      .returning("id")
      .executeTakeFirstOrThrow();
    const region = await trx
      .insertInto("regions")
      .values({
        slug: "arnhem-nijmegen",
        name: regionName,
        description:
          "Gemeenten, onderwijs, zorg- en welzijnsorganisaties, bedrijven en bewoners in Arnhem en Nijmegen werken samen aan de opgaven in het sociaal domein, en leren daarvan.",
        challenges:
          "Genoeg goed personeel in zorg en welzijn\nBestaanszekerheid in de wijk\nWerkplekleren en leven lang ontwikkelen",
        privacy_statement:
          "We bewaren alleen wat nodig is om samen te werken: naam, organisatie en e-mailadres. Gegevens worden na 24 maanden geanonimiseerd. Je kunt je gegevens inzien, downloaden en laten wissen.",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("memberships")
      .values({ user_id: user.id, region_id: region.id, role: "admin" })
      .execute();
    const orgs = await trx
      .insertInto("organisations")
      .values(organisations.map((o) => ({ region_id: region.id, name: o.name, sector: o.sector })))
      .returning("id")
      .execute();
    const personRows = await trx
      .insertInto("people")
      .values(
        people.map((p) => ({
          region_id: region.id,
          organisation_id: orgs[p.org]!.id,
          name: p.name,
          email: `${p.name
            .toLowerCase()
            .normalize("NFD")
            .replace(/[^a-z ]/g, "")
            .replace(/ /g, ".")}@voorbeeld.nl`,
          perspectives: p.perspectives,
          expertise: p.expertise,
        })),
      )
      .returning(["id", "name", "email"])
      .execute();
    const series = await trx
      .insertInto("event_series")
      .values({
        region_id: region.id,
        slug: "op-weg-naar-een-lerende-regio",
        title: "Op weg naar een lerende regio",
        description:
          "Hoe kunnen we van elkaar leren en tot een gezamenlijk handvat komen? Dat verkennen we in twee kennissessies. Je meldt je per sessie aan.",
        registration_mode: "event",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const eventIds: string[] = [];
    for (const e of sessions) {
      const event = await trx
        .insertInto("events")
        .values({
          ...place,
          region_id: region.id,
          series_id: series.id,
          slug: slugFrom(e.title),
          kind: "knowledge_session",
          title: e.title,
          summary: e.summary,
          programme: e.programme,
          starts_at: afternoon(e.days, "14:30"),
          ends_at: afternoon(e.days, "16:30"),
          capacity: e.capacity,
          waitlist: true,
          questions: JSON.stringify(e.questions),
          status: "published",
          created_by: user.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await scheduleEventJobs(trx, event.id);
      eventIds.push(event.id);
    }
    const challengeIds = await seedChallenges(trx, {
      regionId: region.id,
      userId: user.id,
      orgs,
      eventIds,
    });
    await seedNetwork(trx, {
      regionId: region.id,
      userId: user.id,
      people: personRows,
      orgs,
      challengeId: challengeIds[0]!,
    });
    await seedDemoKnowledge(trx, region.id, user.id);
  });
  return { regionName, email: DEMO_EMAIL, password };
}
