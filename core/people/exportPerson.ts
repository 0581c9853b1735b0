import { forbidden, notFound, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";

export interface PersonDataExport {
  exportedAt: string;
  region: { name: string };
  person: {
    id: string;
    name: string;
    email: string | null;
    perspectives: string[];
    expertise: string[];
    createdAt: string;
    updatedAt: string;
    erasedAt: string | null;
  };
  organisation: { name: string; sector: string; website: string } | null;
}

/**
 * Everything the region keeps about one person, as plain data (the right of access and data
 * portability). Field names are in English and stable, so that the file can be read by software.
 */
export async function exportPerson(
  scope: RegionScope,
  id: string,
): Promise<Result<PersonDataExport>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!isId(id)) return notFound();
  const row = await scope.db
    .selectFrom("people as p")
    .innerJoin("regions as r", "r.id", "p.region_id")
    .leftJoin("organisations as o", (j) =>
      j.onRef("o.id", "=", "p.organisation_id").on("o.region_id", "=", scope.regionId),
    )
    .select([
      "p.id",
      "p.name",
      "p.email",
      "p.perspectives",
      "p.expertise",
      "p.created_at",
      "p.updated_at",
      "p.erased_at",
      "r.name as region_name",
      "o.name as organisation_name",
      "o.sector as organisation_sector",
      "o.website as organisation_website",
    ])
    .where("p.region_id", "=", scope.regionId)
    .where("p.id", "=", id)
    .executeTakeFirst();
  if (!row) return notFound();
  return ok({
    exportedAt: new Date().toISOString(),
    region: { name: row.region_name },
    person: {
      id: row.id,
      name: row.name,
      email: row.email,
      perspectives: row.perspectives,
      expertise: row.expertise,
      createdAt: row.created_at.toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
      erasedAt: row.erased_at ? new Date(row.erased_at).toISOString() : null,
    },
    organisation:
      row.organisation_name !== null
        ? {
            name: row.organisation_name,
            sector: row.organisation_sector ?? "",
            website: row.organisation_website ?? "",
          }
        : null,
  });
}
