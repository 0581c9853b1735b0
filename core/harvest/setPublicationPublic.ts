import { withRow } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import type { Reader } from "../kernel/tx.ts";
import { harvestPolicy } from "./policy.ts";

/** The harvest's themes the grouping proposed that no person has looked at yet, in their order. */
export async function unreviewedThemes(db: Reader, harvestId: string) {
  return db
    .selectFrom("harvest_themes")
    .select(["id", "label"])
    .where("harvest_id", "=", harvestId)
    .where("origin", "=", "proposed")
    .orderBy("position")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/**
 * Publishes the web publication (or takes it offline). Publishing themes the grouping proposed
 * and nobody reviewed (issue 15, point 17) asks for `confirmUnreviewed`: the refusal names them.
 * The harvest's row is locked, as every change to its themes locks it, so the themes read are
 * the ones published.
 */
export async function setPublicationPublic(
  scope: RegionScope,
  harvestId: string,
  on: boolean,
  options: { confirmUnreviewed?: boolean } = {},
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: harvestPolicy.setPublicationPublic, table: "harvests", id: harvestId, lock: true },
    async (tx, harvest) => {
      if (on && !options.confirmUnreviewed) {
        const unreviewed = await unreviewedThemes(tx, harvest.id);
        if (unreviewed.length > 0)
          return fail(
            "publication.unreviewedThemes",
            { confirmUnreviewed: { key: "publication.confirmUnreviewedRequired" } },
            { count: unreviewed.length, themes: unreviewed.map((th) => th.label).join(", ") },
          );
      }
      await tx
        .updateTable("harvests")
        .set({ publication_public: on, updated_at: new Date() })
        .where("id", "=", harvest.id)
        .execute();
      return ok(null);
    },
  );
}
