import { inRegion } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { mailPolicy } from "./policy.ts";
import { queueMail } from "./outbox.ts";

/**
 * Sends a mail of the region again, to its own recipient only: a copy goes into the outbox (and
 * from there out, as every mail does), with its attachments. Never to another address: a mail may
 * hold its recipient's personal link.
 *
 * Locks, in the order the erasure of a registration takes them (core/events/anonymise.ts): the
 * registration `FOR SHARE`, then the original `FOR SHARE`, until the copy is committed. An erasure
 * already under way makes the resend wait and then find no mail; a resend under way makes the
 * erasure wait and then delete the copy with the original (core/mail/outbox.ts, deleteMails).
 * The other order deadlocked: the copy's reference to the registration waits on the erasure's
 * lock of it, while the erasure waits on the original.
 */
export async function resendMail(
  scope: RegionScope,
  mailId: unknown,
): Promise<Result<{ id: string }>> {
  if (!isId(mailId)) return notFound();
  return inRegion(scope, mailPolicy.resend, async (tx) => {
    const about = await tx
      .selectFrom("outbox")
      .select("registration_id")
      .where("region_id", "=", scope.regionId)
      .where("id", "=", mailId)
      .executeTakeFirst();
    if (!about) return notFound();
    if (about.registration_id !== null)
      await tx
        .selectFrom("registrations")
        .select("id")
        .where("id", "=", about.registration_id)
        .forShare()
        .execute();
    const mail = await tx
      .selectFrom("outbox")
      .select(["to_address", "subject", "body_text", "attachments", "registration_id"])
      .where("region_id", "=", scope.regionId)
      .where("id", "=", mailId)
      .forShare()
      .executeTakeFirst();
    if (!mail) return notFound();
    const id = await queueMail(tx, {
      regionId: scope.regionId,
      to: mail.to_address,
      subject: mail.subject,
      text: mail.body_text,
      attachments: mail.attachments,
      registrationId: mail.registration_id ?? undefined,
    });
    return ok({ id });
  });
}
