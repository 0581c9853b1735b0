import { createSession } from "../dialogue/createSession.ts";
import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { eventPolicy } from "./policy.ts";

/**
 * Starts a live session for an event: the session is made as on the dialogue page (same checks,
 * same template choice), belonging to the event from its first row.
 */
export async function startEventDialogue(
  scope: RegionScope,
  eventId: unknown,
  input: unknown,
): Promise<Result<{ id: string; joinCode: string }>> {
  // The guard finds the event in the region; the session is then made in the dialogue
  // capability's own transaction (createSession takes no transaction of ours). Nothing of the
  // event is written, and events are never deleted, so nothing can change in between.
  const event = await withRow(
    scope,
    { role: eventPolicy.startDialogue, table: "events", id: eventId },
    async (_tx, row) => ok(row.id),
  );
  if (!event.ok) return event;
  return createSession(scope, input, { eventId: event.value });
}
