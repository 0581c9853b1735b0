import { sql } from "kysely";
import { inRegion } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId, validate } from "../kernel/validate.ts";
import { answerTheme, lockThemeInRegion } from "../harvest/themes/actionSources.ts";
import { actionPolicy } from "./policy.ts";
import { partyLinks, writePartners } from "./parties.ts";
import { actionColumns, actionSchema } from "./schema.ts";

/**
 * A new action, at the end of the agenda. Made from a theme (`themeId`), it answers that theme
 * (which is curated by it) and belongs to its harvest; otherwise it may name a harvest
 * (`harvestId`) or none.
 */
export async function createAction(
  scope: RegionScope,
  input: Record<string, unknown>,
): Promise<Result<{ id: string }>> {
  return inRegion(scope, actionPolicy.createAction, async (tx) => {
    const theme = input.themeId ? await lockThemeInRegion(tx, scope.regionId, input.themeId) : null;
    if (input.themeId && !theme) return notFound();
    const harvest =
      !theme && input.harvestId
        ? isId(input.harvestId)
          ? await tx
              .selectFrom("harvests")
              .select("id")
              .where("id", "=", input.harvestId)
              .where("region_id", "=", scope.regionId)
              .executeTakeFirst()
          : undefined
        : null;
    if (harvest === undefined) return notFound();
    const v = validate(actionSchema, input);
    if (!v.ok) return v;
    const parties = await partyLinks(tx, scope.regionId, v.value);
    // One statement: the position is read where it is written (two at once may share one, and
    // then sort by age).
    const row = await tx
      .insertInto("actions")
      .values({
        ...actionColumns(v.value),
        ...parties.columns,
        region_id: scope.regionId,
        harvest_id: theme?.harvest_id ?? harvest?.id ?? null,
        position: sql<number>`(SELECT coalesce(max(position), -1) + 1 FROM actions WHERE region_id = ${scope.regionId})`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await writePartners(tx, row.id, parties.partners);
    if (theme) await answerTheme(tx, row.id, theme);
    return ok({ id: row.id });
  });
}
