import { translator, type Locale } from "../../i18n/index.ts";
import { formatJoinCode } from "../dialogue/joinCode.ts";
import { withRow } from "../kernel/guard.ts";
import { conflict, notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { queueMail } from "../mail/outbox.ts";
import { eventPolicy } from "./policy.ts";

/**
 * Mails everyone with a confirmed place the link into one of the event's open sessions, in one
 * transaction: all the mails are queued, or none.
 */
export async function inviteToDialogue(
  scope: RegionScope,
  eventId: unknown,
  sessionId: unknown,
  opts: { publicUrl: string },
): Promise<Result<{ sent: number }>> {
  // No lock: the mails go to whoever has a place when they are queued; nothing read is written.
  return withRow(
    scope,
    { role: eventPolicy.inviteToDialogue, table: "events", id: eventId },
    async (tx, event) => {
      if (!isId(sessionId)) return notFound();
      // Only a session of this event.
      const session = await tx
        .selectFrom("dialogue_sessions")
        .select(["id", "join_code", "status"])
        .where("id", "=", sessionId)
        .where("event_id", "=", event.id)
        .executeTakeFirst();
      if (!session) return notFound();
      if (session.status !== "open") return conflict("eventsAdmin.dialogueClosed");
      const link = `${opts.publicUrl}/live/${session.join_code}`;
      const people = await tx
        .selectFrom("registrations")
        .select(["id", "email", "name", "language"])
        .where("event_id", "=", event.id)
        .where("status", "=", "confirmed")
        .where("anonymised_at", "is", null)
        .orderBy("seq")
        .execute();
      for (const p of people) {
        const t = translator(p.language as Locale);
        await queueMail(tx, {
          regionId: scope.regionId,
          to: p.email,
          registrationId: p.id,
          subject: t("eventAdminMail.dialogueInvite.subject", { title: event.title }),
          text: [
            t("eventMail.greeting", { name: p.name }),
            "",
            t("eventAdminMail.dialogueInvite.body", { title: event.title }),
            link,
            "",
            t("eventAdminMail.dialogueInvite.code", {
              url: `${opts.publicUrl}/live`,
              code: formatJoinCode(session.join_code),
            }),
            "",
            t("mail.signature"),
          ].join("\n"),
        });
      }
      return ok({ sent: people.length });
    },
  );
}
