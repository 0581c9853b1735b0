import { z } from "zod";
import { hashToken, newToken } from "../accounts/tokens.ts";
import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { optionalText, validate } from "../kernel/validate.ts";
import { eventPolicy } from "./policy.ts";

export const invitationSchema = z.object({
  label: optionalText(200),
  maxUses: z
    .union([z.string(), z.number()])
    .default("")
    .transform((v) => (String(v).trim() === "" ? null : Number(v)))
    .pipe(z.number().int().min(1).max(100_000).nullable()),
});

/** An invitation link for an invitation-only event; the token is shown once, its hash kept. */
export async function createEventInvitation(
  scope: RegionScope,
  eventId: unknown,
  input: unknown,
): Promise<Result<{ token: string }>> {
  // No lock: one insert that depends on nothing read.
  return withRow(
    scope,
    { role: eventPolicy.createInvitation, table: "events", id: eventId },
    async (tx, event) => {
      const parsed = validate(invitationSchema, input);
      if (!parsed.ok) return parsed;
      const token = newToken();
      await tx
        .insertInto("event_invitations")
        .values({
          event_id: event.id,
          token_hash: hashToken(token),
          label: parsed.value.label,
          max_uses: parsed.value.maxUses,
        })
        .execute();
      return ok({ token });
    },
  );
}
