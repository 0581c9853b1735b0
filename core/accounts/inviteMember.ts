import { z } from "zod";
import { translator, type Locale } from "../../i18n/index.ts";
import { queueMail } from "../mail/outbox.ts";
import { inRegion } from "../kernel/guard.ts";
import { fail, ok, type Result } from "../kernel/result.ts";
import type { RegionScope } from "../kernel/scope.ts";
import { email, validate } from "../kernel/validate.ts";
import { accountsPolicy } from "./policy.ts";
import { hashToken, newToken } from "./tokens.ts";

export const INVITATION_DAYS = 14;

export const inviteSchema = z.object({
  email: email(),
  role: z.enum(["admin", "organiser", "facilitator", "member"], { error: "validation.choice" }),
});

/**
 * Invites someone to the region with a role, by e-mail. Only admins invite. The mail is written to
 * the outbox in the same transaction as the invitation, in the inviter's language.
 */
export async function inviteMember(
  scope: RegionScope,
  input: unknown,
  opts: { publicUrl: string; locale: Locale },
): Promise<Result<{ invitationId: string; link: string }>> {
  return inRegion(scope, accountsPolicy.inviteMember, async (tx) => {
    const parsed = validate(inviteSchema, input);
    if (!parsed.ok) return parsed;
    const { email: address, role } = parsed.value;
    // No lock: someone who becomes a member before accepting only gets this role on accepting
    // (acceptInvitation upserts the membership); the check spares the admin a useless mail.
    const existing = await tx
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select("u.id")
      .where("m.region_id", "=", scope.regionId)
      .where("u.email", "=", address)
      .executeTakeFirst();
    if (existing) return fail("validation.failed", { email: { key: "members.alreadyMember" } });

    const token = newToken();
    const link = `${opts.publicUrl}/invitation/${token}`;
    const region = await tx
      .selectFrom("regions")
      .select("name")
      .where("id", "=", scope.regionId)
      .executeTakeFirstOrThrow();
    const inviter = await tx
      .selectFrom("users")
      .select("name")
      .where("id", "=", scope.userId)
      .executeTakeFirstOrThrow();
    const row = await tx
      .insertInto("invitations")
      .values({
        region_id: scope.regionId,
        email: address,
        role,
        token_hash: hashToken(token),
        invited_by: scope.userId,
        expires_at: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const t = translator(opts.locale);
    const values = { region: region.name, inviter: inviter.name, role: t(`roles.${role}`), link };
    // In the invitation's transaction: no mail for an invitation that was not kept, and no
    // invitation without its mail.
    await queueMail(tx, {
      regionId: scope.regionId,
      to: address,
      subject: t("mail.invitation.subject", values),
      text: `${t("mail.invitation.body", values)}\n\n${t("mail.signature")}`,
    });
    return ok({ invitationId: row.id, link });
  });
}
