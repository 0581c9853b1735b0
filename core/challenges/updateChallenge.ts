import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { challengePolicy } from "./policy.ts";
import { challengeColumns, challengeSchema } from "./schema.ts";

/** The description, status, publication and continuation of a challenge; one statement. */
export async function updateChallenge(
  scope: RegionScope,
  challengeId: unknown,
  input: unknown,
): Promise<Result<null>> {
  return withRow(
    scope,
    { role: challengePolicy.updateChallenge, table: "challenges", id: challengeId },
    async (tx, challenge) => {
      const v = validate(challengeSchema, input);
      if (!v.ok) return v;
      await tx
        .updateTable("challenges")
        .set({ ...challengeColumns(v.value), updated_at: new Date() })
        .where("id", "=", challenge.id)
        .execute();
      return ok(null);
    },
  );
}
