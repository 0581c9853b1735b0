import { sql, type Expression, type SqlBool } from "kysely";
import { z } from "zod";
import { PERSPECTIVES, SECTORS, type Perspective, type Sector } from "../kernel/sectors.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId, pageNumber, searchText } from "../kernel/validate.ts";

export const PAGE_SIZE = 50;

export interface OrganisationSummary {
  id: string;
  name: string;
  sector: Sector;
  website: string;
  people: number;
}

export interface PersonSummary {
  id: string;
  name: string;
  email: string | null;
  organisation: { id: string; name: string; sector: Sector } | null;
  perspectives: Perspective[];
  expertise: string[];
  erasedAt: Date | null;
}

export interface PersonDetail extends PersonSummary {
  createdAt: Date;
  updatedAt: Date;
}

/** Filters of the people list, read leniently from a query string: unknown values are dropped. */
export interface PeopleFilters {
  q: string;
  organisationId: string;
  sector: Sector | "";
  perspective: Perspective | "";
  erased: boolean;
}

const filterSchema = z.object({
  q: searchText(),
  organisationId: z
    .string()
    .refine((v) => isId(v))
    .catch(""),
  sector: z.enum(SECTORS).or(z.literal("")).catch(""),
  perspective: z.enum(PERSPECTIVES).or(z.literal("")).catch(""),
  erased: z
    .string()
    .transform((v) => v === "on" || v === "1")
    .catch(false),
});

export function parsePeopleFilters(params: URLSearchParams): PeopleFilters {
  return filterSchema.parse({
    q: params.get("q") ?? "",
    organisationId: params.get("organisation") ?? "",
    sector: params.get("sector") ?? "",
    perspective: params.get("perspective") ?? "",
    erased: params.get("erased") ?? "",
  });
}

/** The page of a list, from 1 to a bound that keeps the offset a number the database takes. */
export function parsePage(params: URLSearchParams): number {
  return pageNumber().parse(params.get("page") ?? undefined);
}

const organisationFilterSchema = z.object({
  q: searchText(),
  sector: z.enum(SECTORS).or(z.literal("")).catch(""),
});

/** Filters of the organisations list, read leniently as the people list's are. */
export function parseOrganisationFilters(params: URLSearchParams): {
  q: string;
  sector: Sector | "";
} {
  return organisationFilterSchema.parse({
    q: params.get("q") ?? "",
    sector: params.get("sector") ?? "",
  });
}

/** The text a user typed, as a literal inside an ILIKE pattern. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, "\\$&")}%`;
}

const personColumns = [
  "p.id",
  "p.name",
  "p.email",
  "p.perspectives",
  "p.expertise",
  "p.erased_at",
  "p.created_at",
  "p.updated_at",
  "o.id as organisation_id",
  "o.name as organisation_name",
  "o.sector as organisation_sector",
] as const;

function toPerson(r: {
  id: string;
  name: string;
  email: string | null;
  perspectives: string[];
  expertise: string[];
  erased_at: Date | null;
  created_at: Date;
  updated_at: Date;
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_sector: string | null;
}): PersonDetail {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    organisation:
      r.organisation_id && r.organisation_name
        ? {
            id: r.organisation_id,
            name: r.organisation_name,
            sector: r.organisation_sector as Sector,
          }
        : null,
    perspectives: r.perspectives as Perspective[],
    expertise: r.expertise,
    erasedAt: r.erased_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function peopleQuery(scope: RegionScope, filters: PeopleFilters) {
  return scope.db
    .selectFrom("people as p")
    .leftJoin("organisations as o", (j) =>
      j.onRef("o.id", "=", "p.organisation_id").on("o.region_id", "=", scope.regionId),
    )
    .where((eb) => {
      const conditions: Expression<SqlBool>[] = [eb("p.region_id", "=", scope.regionId)];
      if (!filters.erased) conditions.push(eb("p.erased_at", "is", null));
      if (filters.organisationId) {
        conditions.push(eb("p.organisation_id", "=", filters.organisationId));
      }
      if (filters.sector) conditions.push(eb("o.sector", "=", filters.sector));
      if (filters.perspective) {
        conditions.push(sql<SqlBool>`p.perspectives @> ARRAY[${filters.perspective}]::text[]`);
      }
      // Every word must match somewhere, so "jansen zorg" finds Jansen with expertise in care.
      for (const term of filters.q.split(/\s+/).filter(Boolean)) {
        const pattern = likePattern(term);
        conditions.push(
          eb.or([
            eb("p.name", "ilike", pattern),
            eb("p.email", "ilike", pattern),
            sql<SqlBool>`array_to_string(p.expertise, ' ') ILIKE ${pattern}`,
          ]),
        );
      }
      return eb.and(conditions);
    });
}

/** One page of the region's people, by name. Erased people only when asked for. */
export async function listPeople(scope: RegionScope, filters: PeopleFilters, page = 1) {
  const { total } = await peopleQuery(scope, filters)
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const pageCount = Math.max(1, Math.ceil(Number(total) / PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const rows = await peopleQuery(scope, filters)
    .select(personColumns)
    .orderBy(sql`lower(p.name)`)
    .orderBy("p.id")
    .limit(PAGE_SIZE)
    .offset((current - 1) * PAGE_SIZE)
    .execute();
  return { people: rows.map(toPerson), total: Number(total), page: current, pageCount };
}

/** Everyone the filters match, for an export: no paging, never erased people. */
export async function listPeopleForExport(scope: RegionScope, filters: PeopleFilters) {
  const rows = await peopleQuery(scope, { ...filters, erased: false })
    .select(personColumns)
    .orderBy(sql`lower(p.name)`)
    .orderBy("p.id")
    .execute();
  return rows.map(toPerson);
}

/** A person of this region, or null, also for an id of another region or a malformed one. */
export async function getPerson(scope: RegionScope, id: string): Promise<PersonDetail | null> {
  if (!isId(id)) return null;
  const row = await scope.db
    .selectFrom("people as p")
    .leftJoin("organisations as o", (j) =>
      j.onRef("o.id", "=", "p.organisation_id").on("o.region_id", "=", scope.regionId),
    )
    .select(personColumns)
    .where("p.region_id", "=", scope.regionId)
    .where("p.id", "=", id)
    .executeTakeFirst();
  return row ? toPerson(row) : null;
}

/**
 * Who might be the same person as `person`: the same name, or the same mailbox name at another
 * domain (a work and a private address). Erased people are never candidates.
 */
export async function findLikelyDuplicates(scope: RegionScope, person: PersonSummary) {
  const local = person.email?.split("@")[0] ?? null;
  const rows = await scope.db
    .selectFrom("people as p")
    .leftJoin("organisations as o", (j) =>
      j.onRef("o.id", "=", "p.organisation_id").on("o.region_id", "=", scope.regionId),
    )
    .select(personColumns)
    .where("p.region_id", "=", scope.regionId)
    .where("p.erased_at", "is", null)
    .where("p.id", "!=", person.id)
    .where((eb) =>
      eb.or([
        eb(sql`lower(p.name)`, "=", person.name.toLowerCase()),
        ...(local ? [eb(sql`split_part(p.email, '@', 1)`, "=", local)] : []),
      ]),
    )
    .orderBy(sql`lower(p.name)`)
    .limit(20)
    .execute();
  return rows.map(toPerson);
}

/** Organisations of the region by name, with how many (not erased) people belong to each. */
export async function listOrganisations(
  scope: RegionScope,
  filters: { q?: string; sector?: Sector | "" } = {},
): Promise<OrganisationSummary[]> {
  let query = scope.db
    .selectFrom("organisations as o")
    .leftJoin("people as p", (j) =>
      j.onRef("p.organisation_id", "=", "o.id").on("p.erased_at", "is", null),
    )
    .select((eb) => [
      "o.id",
      "o.name",
      "o.sector",
      "o.website",
      eb.fn.count<number>("p.id").as("people"),
    ])
    .where("o.region_id", "=", scope.regionId)
    .groupBy("o.id")
    .orderBy(sql`lower(o.name)`);
  if (filters.q) query = query.where("o.name", "ilike", likePattern(filters.q));
  if (filters.sector) query = query.where("o.sector", "=", filters.sector);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, sector: r.sector as Sector, people: Number(r.people) }));
}

/** Names and ids for a select list. */
export async function organisationOptions(scope: RegionScope) {
  return scope.db
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("region_id", "=", scope.regionId)
    .orderBy(sql`lower(name)`)
    .execute();
}

export async function getOrganisation(
  scope: RegionScope,
  id: string,
): Promise<OrganisationSummary | null> {
  if (!isId(id)) return null;
  const row = await scope.db
    .selectFrom("organisations as o")
    .leftJoin("people as p", (j) =>
      j.onRef("p.organisation_id", "=", "o.id").on("p.erased_at", "is", null),
    )
    .select((eb) => [
      "o.id",
      "o.name",
      "o.sector",
      "o.website",
      eb.fn.count<number>("p.id").as("people"),
    ])
    .where("o.region_id", "=", scope.regionId)
    .where("o.id", "=", id)
    .groupBy("o.id")
    .executeTakeFirst();
  return row ? { ...row, sector: row.sector as Sector, people: Number(row.people) } : null;
}
