import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import { validate } from "../kernel/validate.ts";
import { publicCoalition } from "./publicQueries.ts";
import { memberSchema } from "./schema.ts";

/**
 * "Ik wil meedoen": anyone may tell a coalition on the public action agenda that they want to
 * join. Only a coalition that works on a published action takes interest. `website` is the
 * honeypot: people leave it empty, and a filled one is answered as a success with nothing kept.
 */
const interestSchema = memberSchema.extend({
  // A default, not optional(): zod skips an optional key that is absent, refinement and all.
  consent: z
    .union([z.string(), z.boolean()])
    .default("")
    .refine((v) => v === "on" || v === true || v === "true", {
      message: "coalitions.consentNeeded",
    }),
  website: z.string().max(1000).default(""),
});

/** No account, so no region scope and no guard: the published agenda is what opens the door. */
export async function expressInterest(
  db: Db,
  regionId: string,
  input: Record<string, unknown>,
): Promise<Result<{ status: "received" | "ignored" }>> {
  return db.transaction().execute(async (tx) => {
    // Held FOR SHARE until the interest is in: the coalition cannot be deleted in between.
    const coalition = await publicCoalition(tx, regionId, input.coalitionId, { hold: true });
    if (!coalition) return notFound();
    const v = validate(interestSchema, input);
    if (!v.ok) return v;
    const { consent: _consent, website, ...member } = v.value;
    if (website.trim() !== "") return ok({ status: "ignored" as const });
    // The same address twice is one person: the second time changes nothing and says the same.
    await tx
      .insertInto("coalition_members")
      .values({
        ...member,
        coalition_id: coalition.id,
        status: "interested",
        consent_at: new Date(),
      })
      .onConflict((oc) => oc.columns(["coalition_id", "email"]).doNothing())
      .execute();
    return ok({ status: "received" as const });
  });
}
