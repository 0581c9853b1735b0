import { inRegion } from "../kernel/guard.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { isId } from "../kernel/validate.ts";
import { mailPolicy } from "./policy.ts";
import { queueMail } from "./outbox.ts";

/**
 * Sends a mail of the region again, to its own recipient only: a copy goes into the outbox (and
 * from there out, as every mail does), with its attachments. Never to another address: a mail may
 * hold its recipient's personal link. The original is read `FOR SHARE`, so that an erasure that
 * deletes it at that moment waits, and no copy of an erased mail is made after the erasure.
 */
export async function resendMail(
  scope: RegionScope,
  mailId: unknown,
): Promise<Result<{ id: string }>> {
  if (!isId(mailId)) return notFound();
  return inRegion(scope, mailPolicy.resend, async (tx) => {
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
