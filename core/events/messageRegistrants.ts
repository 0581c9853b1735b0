import { z } from "zod";
import { translator, type Locale } from "../../i18n/index.ts";
import { withRow } from "../kernel/guard.ts";
import { ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { LIMITS, text, validate } from "../kernel/validate.ts";
import { queueMail } from "../mail/outbox.ts";
import { regionSlug } from "./eventFields.ts";
import { eventPageUrl } from "./mails.ts";
import { eventPolicy } from "./policy.ts";
import { registrationToken } from "./register.ts";

export const messageSchema = z.object({
  subject: text(LIMITS.name),
  body: text(LIMITS.longText),
  audience: z.enum(["confirmed", "waitlisted", "all"], { error: "validation.choice" }),
});

/**
 * A message from the organiser to everyone registered (or only those with a place, or only the
 * waitlist); each mail carries the person's own link, so nobody sees anyone else's address.
 */
export async function messageRegistrants(
  scope: RegionScope,
  eventId: unknown,
  input: unknown,
  opts: { publicUrl: string },
): Promise<Result<{ sent: number }>> {
  // No lock: the message goes to whoever is registered when it is queued; nothing read is written.
  return withRow(
    scope,
    { role: eventPolicy.messageRegistrants, table: "events", id: eventId },
    async (tx, event) => {
      const parsed = validate(messageSchema, input);
      if (!parsed.ok) return parsed;
      const { subject, body, audience } = parsed.value;
      const people = await tx
        .selectFrom("registrations")
        .select(["id", "email", "name", "language"])
        .where("event_id", "=", event.id)
        .where("anonymised_at", "is", null)
        .where("status", "in", audience === "all" ? ["confirmed", "waitlisted"] : [audience])
        .execute();
      const page = eventPageUrl(opts.publicUrl, {
        region_slug: await regionSlug(tx, scope.regionId),
        slug: event.slug,
      });
      for (const p of people) {
        const t = translator(p.language as Locale);
        await queueMail(tx, {
          regionId: scope.regionId,
          to: p.email,
          registrationId: p.id,
          subject: `${subject} · ${event.title}`,
          text: [
            t("eventMail.greeting", { name: p.name }),
            "",
            body,
            "",
            `${t("eventMail.page")}: ${page}`,
            "",
            t("eventMail.manage"),
            `${opts.publicUrl}/registration/${await registrationToken(tx, p.id)}`,
            "",
            t("mail.signature"),
          ].join("\n"),
        });
      }
      return ok({ sent: people.length });
    },
  );
}
