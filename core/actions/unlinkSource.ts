import { withRow } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { dropSource } from "../harvest/themes/actionSources.ts";
import { actionPolicy } from "./policy.ts";

/** Removes a theme (`themeId`) or a contribution (`contributionId`) from the action's sources. */
export async function unlinkSource(
  scope: RegionScope,
  actionId: string,
  input: Record<string, unknown>,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: actionPolicy.unlinkSource, table: "actions", id: actionId },
    async (tx, action) => ((await dropSource(tx, action, input)) ? ok(null) : notFound()),
  );
}
