import { failure, type Result } from "../kernel/result.ts";
import type { Db } from "../kernel/tx.ts";
import { isId } from "../kernel/validate.ts";
import { cancelPlace } from "./cancelPlace.ts";
import { registrationFromToken } from "./register.ts";

/**
 * The registrant cancels from the link in their mail; no account needed. Outside the region
 * guard by nature: the signed link is the key, not a membership.
 */
export async function cancelRegistration(
  db: Db,
  token: string,
  opts: { publicUrl: string; now?: Date },
): Promise<Result<{ promoted: number; already: boolean }>> {
  const id = await registrationFromToken(db, token);
  if (!id || !isId(id)) return failure("notFound", "events.linkInvalid");
  return db.transaction().execute(async (tx) => {
    // An anonymised registration's link has done its work.
    const live = await tx
      .selectFrom("registrations")
      .select("id")
      .where("id", "=", id)
      .where("anonymised_at", "is", null)
      .executeTakeFirst();
    if (!live) return failure("notFound", "events.linkInvalid");
    return cancelPlace(tx, live.id, { ...opts, notify: "cancelled" });
  });
}
