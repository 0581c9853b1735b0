import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { harvestPolicy } from "./policy.ts";
import { sourceSchema } from "./sources.ts";

/**
 * Removes a source. What was gathered from it stays: the organiser may have edited, tagged or
 * grouped it, and hides what should go. One statement.
 */
export async function removeSource(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ removed: boolean }>> {
  return withRow(
    scope,
    { role: harvestPolicy.removeSource, table: "harvests", id: harvestId },
    async (tx, harvest) => {
      const parsed = sourceSchema.safeParse(input);
      if (!parsed.success) return notFound();
      const { source, sourceId } = parsed.data;
      const result = await tx
        .deleteFrom("harvest_sources")
        .where("harvest_id", "=", harvest.id)
        .where(source === "session" ? "dialogue_session_id" : "event_id", "=", sourceId)
        .executeTakeFirst();
      return ok({ removed: Number(result.numDeletedRows) > 0 });
    },
  );
}
