import { sql } from "kysely";
import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { harvestSchema } from "./createHarvest.ts";
import { harvestPolicy } from "./policy.ts";

/**
 * Changes a harvest's title, description, language, strategic themes and whether its form is
 * open. One statement on the guarded row.
 */
export async function updateHarvest(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ id: string }>> {
  return withRow(
    scope,
    { role: harvestPolicy.updateHarvest, table: "harvests", id: harvestId },
    async (tx, harvest) => {
      const parsed = validate(harvestSchema, input);
      if (!parsed.ok) return parsed;
      const v = parsed.value;
      await tx
        .updateTable("harvests")
        .set({
          title: v.title,
          description: v.description,
          language: v.language,
          strategic_themes: JSON.stringify(v.strategicThemes),
          form_open: v.formOpen,
          updated_at: sql`now()`,
        })
        .where("id", "=", harvest.id)
        .execute();
      return ok({ id: harvest.id });
    },
  );
}
