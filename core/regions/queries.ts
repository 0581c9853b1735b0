import { sql } from "kysely";
import type { Db } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import type { RegionScope } from "../kernel/scope.ts";

export interface RegionSummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  primaryColor: string;
  hasLogo: boolean;
}

const summaryColumns = [
  "r.id",
  "r.slug",
  "r.name",
  "r.description",
  "r.primary_color",
  "r.logo_mime",
] as const;

function toSummary(r: {
  id: string;
  slug: string;
  name: string;
  description: string;
  primary_color: string;
  logo_mime: string | null;
}): RegionSummary {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    description: r.description,
    primaryColor: r.primary_color,
    hasLogo: r.logo_mime !== null,
  };
}

/** The regions a user belongs to, with their role in each. */
export async function listMyRegions(
  db: Db,
  userId: string,
): Promise<(RegionSummary & { role: Role })[]> {
  const rows = await db
    .selectFrom("regions as r")
    .innerJoin("memberships as m", "m.region_id", "r.id")
    .select([...summaryColumns, "m.role"])
    .where("m.user_id", "=", userId)
    .orderBy("r.name")
    .execute();
  return rows.map((r) => ({ ...toSummary(r), role: r.role }));
}

/**
 * The only way into a region's data: the region by slug, if and only if the user is a member.
 * Returns null otherwise, which the edge turns into 404 so that other regions' slugs are not revealed.
 */
export async function findRegionScope(
  db: Db,
  userId: string,
  slug: string,
): Promise<{ scope: RegionScope; region: RegionSummary } | null> {
  const row = await db
    .selectFrom("regions as r")
    .innerJoin("memberships as m", "m.region_id", "r.id")
    .select([...summaryColumns, "m.role"])
    .where("m.user_id", "=", userId)
    .where("r.slug", "=", slug)
    .executeTakeFirst();
  if (!row) return null;
  return { scope: { db, regionId: row.id, userId, role: row.role }, region: toSummary(row) };
}

/** What anyone may see of a region: its public page. */
export async function findPublicRegion(db: Db, slug: string) {
  return db
    .selectFrom("regions")
    .select([
      "id",
      "slug",
      "name",
      "description",
      "challenges",
      "primary_color",
      "logo_mime",
      "privacy_statement",
    ])
    .where("slug", "=", slug)
    .executeTakeFirst();
}

export async function listPublicRegions(db: Db): Promise<RegionSummary[]> {
  const rows = await db
    .selectFrom("regions as r")
    .select(summaryColumns)
    .orderBy("r.name")
    .execute();
  return rows.map(toSummary);
}

export async function getRegionLogo(db: Db, slug: string) {
  return db
    .selectFrom("regions")
    .select(["logo", "logo_mime"])
    .where("slug", "=", slug)
    .where("logo", "is not", null)
    .executeTakeFirst();
}

/** Settings as the admin edits them. */
export async function getRegionSettings(scope: RegionScope) {
  return scope.db
    .selectFrom("regions")
    .select([
      "id",
      "slug",
      "name",
      "description",
      "challenges",
      "primary_color",
      "logo_mime",
      "retention_months",
      "privacy_statement",
    ])
    .where("id", "=", scope.regionId)
    .executeTakeFirstOrThrow();
}

/** The region overview: counts and the sector mix of its organisations and people. */
export async function getRegionOverview(scope: RegionScope) {
  const { db, regionId } = scope;
  // Two round trips instead of four: every page view of the overview pays for them.
  const [counts, sectorMix] = await Promise.all([
    db
      .selectNoFrom((eb) => [
        eb
          .selectFrom("organisations")
          .select(eb.fn.countAll<number>().as("n"))
          .where("region_id", "=", regionId)
          .as("organisations"),
        eb
          .selectFrom("people")
          .select(eb.fn.countAll<number>().as("n"))
          .where("region_id", "=", regionId)
          .where("erased_at", "is", null)
          .as("people"),
        eb
          .selectFrom("memberships")
          .select(eb.fn.countAll<number>().as("n"))
          .where("region_id", "=", regionId)
          .as("members"),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("organisations as o")
      .leftJoin("people as p", (j) =>
        j.onRef("p.organisation_id", "=", "o.id").on("p.erased_at", "is", null),
      )
      .select((eb) => [
        "o.sector",
        eb.fn.count<number>("o.id").distinct().as("organisations"),
        eb.fn.count<number>("p.id").as("people"),
      ])
      .where("o.region_id", "=", regionId)
      .groupBy("o.sector")
      .execute(),
  ]);
  return {
    organisations: Number(counts.organisations),
    people: Number(counts.people),
    members: Number(counts.members),
    sectorMix: sectorMix.map((s) => ({
      sector: s.sector,
      organisations: Number(s.organisations),
      people: Number(s.people),
    })),
  };
}

/**
 * A short fingerprint of the current logo, or null without one. The logo is served with a cache
 * lifetime, so pages that must show a just-uploaded logo add this to its address.
 */
export async function getRegionLogoVersion(scope: RegionScope): Promise<string | null> {
  const row = await scope.db
    .selectFrom("regions")
    .select(sql<string | null>`md5(logo)`.as("hash"))
    .where("id", "=", scope.regionId)
    .executeTakeFirstOrThrow();
  return row.hash ? row.hash.slice(0, 12) : null;
}
