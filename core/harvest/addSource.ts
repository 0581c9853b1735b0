import { withRow } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { harvestPolicy } from "./policy.ts";
import { sourceSchema } from "./sources.ts";

const notAChoice = () => fail("validation.failed", { sourceId: { key: "validation.choice" } });

/**
 * Adds a dialogue session or an event of the same region as a source of the harvest. Adding one
 * that is a source already changes nothing (one statement: the unique index decides).
 */
export async function addSource(
  scope: RegionScope,
  harvestId: string,
  input: unknown,
): Promise<Result<{ added: boolean }>> {
  return withRow(
    scope,
    { role: harvestPolicy.addSource, table: "harvests", id: harvestId },
    async (tx, harvest) => {
      const parsed = sourceSchema.safeParse(input);
      if (!parsed.success) return notAChoice();
      const { source, sourceId } = parsed.data;
      const table = source === "session" ? "dialogue_sessions" : "events";
      const found = await tx
        .selectFrom(table)
        .select("id")
        .where("region_id", "=", scope.regionId)
        .where("id", "=", sourceId)
        .executeTakeFirst();
      // Another region's session reads as a choice that is not on the list.
      if (!found) return notAChoice();
      const row = await tx
        .insertInto("harvest_sources")
        .values({
          harvest_id: harvest.id,
          dialogue_session_id: source === "session" ? sourceId : null,
          event_id: source === "event" ? sourceId : null,
        })
        .onConflict((oc) =>
          source === "session"
            ? oc
                .columns(["harvest_id", "dialogue_session_id"])
                .where("dialogue_session_id", "is not", null)
                .doNothing()
            : oc.columns(["harvest_id", "event_id"]).where("event_id", "is not", null).doNothing(),
        )
        .returning("harvest_id")
        .executeTakeFirst();
      return ok({ added: row !== undefined });
    },
  );
}
