import { withRow } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { validate } from "../kernel/validate.ts";
import { coalitionPolicy } from "./policy.ts";
import { memberLinks, personInCoalition } from "./parties.ts";
import { memberSchema } from "./schema.ts";

/** An organiser adds someone who is in the coalition already. */
export async function addMember(
  scope: RegionScope,
  coalitionId: unknown,
  input: unknown,
): Promise<Result<{ id: string }>> {
  // The coalition is locked while its membership changes; the unique index on (coalition,
  // e-mail) decides, in the same statement, whether the address is in it already; a person of
  // the register without an address is looked for under that lock.
  return withRow(
    scope,
    { role: coalitionPolicy.addMember, table: "coalitions", id: coalitionId, lock: true },
    async (tx, coalition) => {
      const v = validate(memberSchema, input);
      if (!v.ok) return v;
      const links = await memberLinks(tx, scope.regionId, v.value);
      if (!links.ok) return links;
      if (
        links.value.person_id &&
        (await personInCoalition(tx, coalition.id, links.value.person_id))
      )
        return fail("validation.failed", { name: { key: "coalitions.personTaken" } });
      const row = await tx
        .insertInto("coalition_members")
        .values({ ...v.value, ...links.value, coalition_id: coalition.id, status: "member" })
        .onConflict((oc) => oc.columns(["coalition_id", "email"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!row) return fail("validation.failed", { email: { key: "coalitions.emailTaken" } });
      return ok({ id: row.id });
    },
  );
}
