import { forbidden, notFound, ok, type Result } from "../../kernel/result.ts";
import type { RegionScope } from "../../kernel/scope.ts";
import { isId } from "../../kernel/validate.ts";
import { canManageTemplates } from "./templateQueries.ts";

/**
 * Deletes one of the region's own templates. Sessions started from it are not touched: each
 * session keeps its own copy of the template it started with.
 */
export async function deleteTemplate(scope: RegionScope, id: unknown): Promise<Result<null>> {
  if (!canManageTemplates(scope)) return forbidden();
  if (!isId(id)) return notFound();
  const deleted = await scope.db
    .deleteFrom("dialogue_templates")
    .where("region_id", "=", scope.regionId)
    .where("id", "=", id)
    .returning("id")
    .executeTakeFirst();
  return deleted ? ok(null) : notFound();
}
