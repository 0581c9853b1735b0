import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import { isId, validate } from "../kernel/validate.ts";
import { memberSchema } from "./coalitions.ts";

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

/** A coalition of the region that works on at least one action of a published agenda. */
export async function publicCoalition(db: Db, regionId: string, coalitionId: unknown) {
  if (!isId(coalitionId)) return null;
  return db
    .selectFrom("coalitions as c")
    .select(["c.id", "c.title"])
    .where("c.id", "=", coalitionId)
    .where("c.region_id", "=", regionId)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("coalition_actions as ca")
          .innerJoin("actions as a", "a.id", "ca.action_id")
          .innerJoin("harvests as h", "h.id", "a.harvest_id")
          .select("ca.action_id")
          .whereRef("ca.coalition_id", "=", "c.id")
          .where("h.agenda_public", "=", true)
          .where("a.region_id", "=", regionId),
      ),
    )
    .executeTakeFirst();
}

export async function expressInterest(
  db: Db,
  regionId: string,
  input: Record<string, unknown>,
): Promise<Result<{ status: "received" | "ignored" }>> {
  const coalition = await publicCoalition(db, regionId, input.coalitionId);
  if (!coalition) return notFound();
  const v = validate(interestSchema, input);
  if (!v.ok) return v;
  const { consent: _consent, website, ...member } = v.value;
  if (website.trim() !== "") return ok({ status: "ignored" });
  // The same address twice is one person: the second time changes nothing and says the same.
  await db
    .insertInto("coalition_members")
    .values({ ...member, coalition_id: coalition.id, status: "interested", consent_at: new Date() })
    .onConflict((oc) => oc.columns(["coalition_id", "email"]).doNothing())
    .execute();
  return ok({ status: "received" });
}
