import type { Reader } from "../kernel/tx.ts";
import { isId } from "../kernel/validate.ts";

/**
 * A coalition of the region that works on at least one action of a published agenda: the only
 * coalitions the public sees and may offer to join. With `hold`, the coalition row is held FOR
 * SHARE until the transaction ends, so it is not deleted before the interest that points at it.
 */
export async function publicCoalition(
  db: Reader,
  regionId: string,
  coalitionId: unknown,
  opts: { hold?: boolean } = {},
) {
  if (typeof coalitionId !== "string" || !isId(coalitionId)) return undefined;
  const query = db
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
    );
  return (opts.hold ? query.forShare() : query).executeTakeFirst();
}
