import { withRow } from "../kernel/guard.ts";
import { notFound, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { cancelPlace } from "./cancelPlace.ts";
import { eventPolicy } from "./policy.ts";

/** An organiser cancels someone's registration (they asked by phone, say). */
export async function cancelByOrganiser(
  scope: RegionScope,
  eventId: unknown,
  registrationId: unknown,
  opts: { publicUrl: string },
): Promise<Result<{ promoted: number; already: boolean }>> {
  // Locked: the event's lock guards who has a place (cancelPlace takes it too, in the same
  // transaction, so the order event-then-registration holds).
  return withRow(
    scope,
    { role: eventPolicy.cancelRegistration, table: "events", id: eventId, lock: true },
    async (tx, event) => {
      if (!isId(registrationId)) return notFound();
      // Only a registration of this event.
      const reg = await tx
        .selectFrom("registrations")
        .select("id")
        .where("id", "=", registrationId)
        .where("event_id", "=", event.id)
        .executeTakeFirst();
      if (!reg) return notFound();
      return cancelPlace(tx, reg.id, { ...opts, notify: "cancelledByOrganiser" });
    },
  );
}
