import { withRow } from "../kernel/guard.ts";
import { conflict, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { personalToken } from "./links.ts";
import { scanPolicy } from "./policy.ts";
import { linksSchema } from "./schema.ts";

/**
 * A number of personal links for an open round, to hand out one per respondent (by mail, on
 * paper). Shown once: they are not stored, so making more later is always possible.
 */
export async function makeLinks(
  scope: RegionScope,
  roundId: unknown,
  input: unknown,
): Promise<Result<{ paths: string[] }>> {
  const round = await withRow(
    scope,
    { role: scanPolicy.makeLinks, table: "scan_rounds", id: roundId },
    async (_tx, round) => {
      if (round.status !== "open") return conflict("scan.roundClosed");
      const v = validate(linksSchema, input);
      return v.ok ? ok({ id: round.id, count: v.value.count }) : v;
    },
  );
  if (!round.ok) return round;
  const paths: string[] = [];
  for (let i = 0; i < round.value.count; i++) {
    paths.push(`/scan/${await personalToken(scope.db, round.value.id)}`);
  }
  return ok({ paths });
}
