import { withRow } from "../kernel/guard.ts";
import { fail, notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { answerContributions } from "../harvest/themes/actionSources.ts";
import { adoptHarvest } from "./adoptHarvest.ts";
import { actionPolicy } from "./policy.ts";

const MAX_LINKED = 1000;

/** The action answers these contributions, one by one (`contributionIds` or `contributionId`). */
export async function linkContributions(
  scope: RegionScope,
  actionId: string,
  input: Record<string, unknown>,
): Promise<Result<{ linked: number }>> {
  return withRow(
    scope,
    { role: actionPolicy.linkContributions, table: "actions", id: actionId },
    async (tx, action) => {
      const raw = input.contributionIds ?? input.contributionId;
      const ids = (Array.isArray(raw) ? raw : [raw]).filter(isId);
      if (ids.length === 0) return fail("actions.noContributionChosen");
      if (ids.length > MAX_LINKED)
        return fail("validation.tooMany", undefined, { max: MAX_LINKED });
      const found = await tx
        .selectFrom("contributions")
        .select(["id", "harvest_id"])
        .where("id", "in", ids)
        .where("region_id", "=", scope.regionId)
        .execute();
      if (found.length !== new Set(ids).size) return notFound();
      const harvests = new Set(found.map((c) => c.harvest_id));
      if (harvests.size !== 1) return fail("actions.otherHarvest");
      const adopted = await adoptHarvest(tx, action.id, found[0]!.harvest_id);
      if (adopted === "gone") return notFound();
      if (adopted === "otherHarvest") return fail("actions.otherHarvest");
      await answerContributions(
        tx,
        action.id,
        found.map((c) => c.id),
      );
      return ok({ linked: found.length });
    },
  );
}
