import { sql } from "kysely";
import { forbidden, notFound, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { isId, validate } from "../kernel/validate.ts";
import { harvestSchema } from "./createHarvest.ts";

/** Changes a harvest's title, description, language, strategic themes and whether its form is open. */
export async function updateHarvest(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ id: string }>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!isId(harvestId)) return notFound();
  const parsed = validate(harvestSchema, input);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  const row = await scope.db
    .updateTable("harvests")
    .set({
      title: v.title,
      description: v.description,
      language: v.language,
      strategic_themes: JSON.stringify(v.strategicThemes),
      form_open: v.formOpen,
      updated_at: sql`now()`,
    })
    .where("region_id", "=", scope.regionId)
    .where("id", "=", harvestId)
    .returning("id")
    .executeTakeFirst();
  return row ? ok(row) : notFound();
}

/** Puts the harvest's action agenda online (or takes it offline); organisers and admins. */
export async function setAgendaPublic(
  scope: RegionScope,
  harvestId: string,
  on: boolean,
): Promise<Result<null>> {
  if (!hasRole(scope.role, "organiser")) return forbidden();
  if (!isId(harvestId)) return notFound();
  const row = await scope.db
    .updateTable("harvests")
    .set({ agenda_public: on, updated_at: sql`now()` })
    .where("region_id", "=", scope.regionId)
    .where("id", "=", harvestId)
    .returning("id")
    .executeTakeFirst();
  return row ? ok(null) : notFound();
}
