import { randomBytes } from "node:crypto";
import type { Db } from "../db/client.ts";
import { hashPassword } from "../core/accounts/password.ts";
import { slugFrom } from "../core/kernel/slug.ts";
import { scheduleEventJobs } from "../core/events/eventJobs.ts";
import { parseLocalDateTime, toLocalInput } from "../core/kernel/time.ts";
import type { Sector } from "../core/kernel/sectors.ts";

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
    await trx
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
    }
  });
  return { regionName, email: DEMO_EMAIL, password };
}
