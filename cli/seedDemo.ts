import { randomBytes } from "node:crypto";
import type { Db } from "../db/client.ts";
import { hashPassword } from "../core/accounts/password.ts";
import type { Sector } from "../core/regions/sectors.ts";

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
  });
  return { regionName, email: DEMO_EMAIL, password };
}
