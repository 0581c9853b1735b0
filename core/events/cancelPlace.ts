import { sql } from "kysely";
import type { Locale } from "../../i18n/index.ts";
import { failure, gone, ok, type Result } from "../kernel/result.ts";
import type { Tx } from "../kernel/tx.ts";
import { queueEventMail } from "./mails.ts";
import { fillFromWaitlist } from "./register.ts";

export interface CancelOptions {
  publicUrl: string;
  now?: Date;
  /** Which mail tells the person, or none (when they asked to be erased). */
  notify: "cancelled" | "cancelledByOrganiser" | null;
}

/**
 * Cancels one registration in the transaction that gives the freed place to the first on the
 * waitlist, under the event's lock: the place is never given twice and never left empty while
 * someone waits. Shared by the registrant's link, the organiser and erasure.
 */
export async function cancelPlace(
  tx: Tx,
  registrationId: string,
  opts: CancelOptions,
): Promise<Result<{ promoted: number; already: boolean }>> {
  const reg = await tx
    .selectFrom("registrations")
    .select(["event_id"])
    .where("id", "=", registrationId)
    .executeTakeFirst();
  if (!reg) return failure("notFound", "events.linkInvalid");
  // Lock the event first, then read the registration: the order every writer uses.
  await tx
    .selectFrom("events")
    .select("id")
    .where("id", "=", reg.event_id)
    .forUpdate()
    .executeTakeFirst();
  const r = await tx
    .selectFrom("registrations as g")
    .innerJoin("events as e", "e.id", "g.event_id")
    .innerJoin("regions as rg", "rg.id", "e.region_id")
    .selectAll("e")
    .select([
      "g.status as reg_status",
      "g.email",
      "g.name",
      "g.language as reg_language",
      "rg.slug as region_slug",
    ])
    .where("g.id", "=", registrationId)
    .executeTakeFirstOrThrow();
  if (r.reg_status === "cancelled") return ok({ promoted: 0, already: true });
  if (new Date(r.starts_at).getTime() <= (opts.now ?? new Date()).getTime())
    return gone("events.cancelTooLate");
  await tx
    .updateTable("registrations")
    .set({ status: "cancelled", cancelled_at: sql`now()`, updated_at: sql`now()` })
    .where("id", "=", registrationId)
    .execute();
  if (opts.notify)
    await queueEventMail(
      tx,
      opts.notify,
      r,
      {
        registrationId,
        email: r.email,
        name: r.name,
        language: r.reg_language as Locale,
      },
      { publicUrl: opts.publicUrl, token: null },
    );
  const promoted = r.reg_status === "confirmed" ? await fillFromWaitlist(tx, r.id, opts) : 0;
  return ok({ promoted, already: false });
}
