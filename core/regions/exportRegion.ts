import type { Db } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";

export const REGION_EXPORT_FORMAT = "lerende-regio/region";
export const REGION_EXPORT_VERSION = 1;

export interface RegionExport {
  format: typeof REGION_EXPORT_FORMAT;
  version: typeof REGION_EXPORT_VERSION;
  exportedAt: string;
  region: {
    slug: string;
    name: string;
    description: string;
    challenges: string;
    primaryColor: string;
    logo: string | null;
    logoMime: string | null;
    retentionMonths: number;
    privacyStatement: string;
  };
  organisations: { ref: string; name: string; sector: string; website: string }[];
  people: {
    name: string;
    email: string | null;
    organisationRef: string | null;
    perspectives: string[];
    expertise: string[];
    erasedAt: string | null;
  }[];
  memberships: { email: string; name: string; role: Role }[];
  invitations: { email: string; role: Role; expiresAt: string }[];
}

/**
 * The whole region as one document, for moving a region between installations or keeping a copy.
 * It holds no password hashes, sessions or invitation tokens: nothing that lets anyone sign in.
 */
export async function exportRegion(db: Db, slug: string): Promise<RegionExport | null> {
  // One snapshot: an organisation deleted between two reads would otherwise leave a person
  // pointing at a ref the document lacks, and the file could not be imported.
  const read = await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      const region = await trx
        .selectFrom("regions")
        .selectAll()
        .where("slug", "=", slug)
        .executeTakeFirst();
      if (!region) return null;
      const organisations = await trx
        .selectFrom("organisations")
        .select(["id", "name", "sector", "website"])
        .where("region_id", "=", region.id)
        .orderBy("name")
        .execute();
      const people = await trx
        .selectFrom("people")
        .select(["name", "email", "organisation_id", "perspectives", "expertise", "erased_at"])
        .where("region_id", "=", region.id)
        .orderBy("name")
        .orderBy("email")
        .execute();
      const memberships = await trx
        .selectFrom("memberships as m")
        .innerJoin("users as u", "u.id", "m.user_id")
        .select(["u.email", "u.name", "m.role"])
        .where("m.region_id", "=", region.id)
        .orderBy("u.email")
        .execute();
      const invitations = await trx
        .selectFrom("invitations")
        .select(["email", "role", "expires_at"])
        .where("region_id", "=", region.id)
        .where("accepted_at", "is", null)
        .where("expires_at", ">", new Date())
        .orderBy("email")
        .execute();
      return { region, organisations, people, memberships, invitations };
    });
  if (!read) return null;
  const { region, organisations, people, memberships, invitations } = read;
  return {
    format: REGION_EXPORT_FORMAT,
    version: REGION_EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    region: {
      slug: region.slug,
      name: region.name,
      description: region.description,
      challenges: region.challenges,
      primaryColor: region.primary_color,
      logo: region.logo ? Buffer.from(region.logo).toString("base64") : null,
      logoMime: region.logo_mime,
      retentionMonths: region.retention_months,
      privacyStatement: region.privacy_statement,
    },
    organisations: organisations.map((o) => ({
      ref: o.id,
      name: o.name,
      sector: o.sector,
      website: o.website,
    })),
    people: people.map((p) => ({
      name: p.name,
      email: p.email,
      organisationRef: p.organisation_id,
      perspectives: p.perspectives,
      expertise: p.expertise,
      erasedAt: p.erased_at ? new Date(p.erased_at).toISOString() : null,
    })),
    memberships: memberships.map((m) => ({ email: m.email, name: m.name, role: m.role })),
    invitations: invitations.map((i) => ({
      email: i.email,
      role: i.role,
      expiresAt: new Date(i.expires_at).toISOString(),
    })),
  };
}
