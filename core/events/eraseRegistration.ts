import { failure, ok, type Result } from "../kernel/result.ts";
import type { Db } from "../kernel/tx.ts";
import { anonymiseRegistration } from "./anonymise.ts";
import { cancelPlace } from "./cancelPlace.ts";
import { registrationByToken } from "./publicPages.ts";

/**
 * The registrant asks to be forgotten from the link in their mail: a place for an event still to
 * come is given up first (so the waitlist moves), then the record loses everything personal, in
 * one transaction. Outside the region guard by nature: the signed link is the key.
 */
export async function eraseRegistration(
  db: Db,
  token: string,
  opts: { publicUrl: string; now?: Date },
): Promise<Result<{ erased: true }>> {
  const reg = await registrationByToken(db, token);
  if (!reg) return failure("notFound", "events.linkInvalid");
  const upcoming = new Date(reg.starts_at).getTime() > (opts.now ?? new Date()).getTime();
  return db.transaction().execute(async (tx) => {
    if (upcoming && reg.status !== "cancelled") {
      // cancelPlace rereads the status under the event's lock; it writes nothing when it fails.
      const cancelled = await cancelPlace(tx, reg.id, { ...opts, notify: null });
      if (!cancelled.ok) return cancelled;
    }
    await anonymiseRegistration(tx, reg.id);
    return ok({ erased: true as const });
  });
}
