import { z } from "zod";
import { translator, type Locale } from "../../i18n/index.ts";
import { queueMail } from "../mail/outbox.ts";
import { forbidden, fail, ok, type Result } from "../kernel/result.ts";
import { hasRole, type RegionScope } from "../kernel/scope.ts";
import { email, validate } from "../kernel/validate.ts";
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
  if (!hasRole(scope.role, "admin")) return forbidden();
  const parsed = validate(inviteSchema, input);
  if (!parsed.ok) return parsed;
  const { email: address, role } = parsed.value;
  const existing = await scope.db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select("u.id")
    .where("m.region_id", "=", scope.regionId)
    .where("u.email", "=", address)
    .executeTakeFirst();
  if (existing) return fail("validation.failed", { email: { key: "members.alreadyMember" } });

  const token = newToken();
  const link = `${opts.publicUrl}/invitation/${token}`;
  const id = await scope.db.transaction().execute(async (trx) => {
    const region = await trx
      .selectFrom("regions")
      .select("name")
      .where("id", "=", scope.regionId)
      .executeTakeFirstOrThrow();
    const inviter = await trx
      .selectFrom("users")
      .select("name")
      .where("id", "=", scope.userId)
      .executeTakeFirstOrThrow();
    const row = await trx
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
    await queueMail(trx, {
      regionId: scope.regionId,
      to: address,
      subject: t("mail.invitation.subject", values),
      text: `${t("mail.invitation.body", values)}\n\n${t("mail.signature")}`,
    });
    return row.id;
  });
  return ok({ invitationId: id, link });
}
