import { sql } from "kysely";
import type { Db } from "../../db/client.ts";
import { translator, type Locale } from "../../i18n/index.ts";
import { queueMail } from "../mail/outbox.ts";
import { notFound, ok, type Result } from "../kernel/result.ts";
import { hashToken, newToken } from "./tokens.ts";

const VERIFY_HOURS = 48;
/** One mail per few minutes is enough for a person and keeps the form from being a mail cannon. */
const RESEND_AFTER_MINUTES = 5;

/**
 * Sends a link that proves the account's owner reads its mailbox. Until it is used, "my data"
 * export and erasure reach no records of regions the account is not a member of: an address is
 * typed by whoever invites it, so accepting an invitation proves nothing about the mailbox.
 */
export async function requestEmailVerification(
  db: Db,
  userId: string,
  opts: { publicUrl: string },
): Promise<Result<{ sent: boolean }>> {
  const user = await db
    .selectFrom("users")
    .select(["email", "locale", "email_verified_at"])
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) return notFound();
  if (user.email_verified_at !== null) return ok({ sent: false });
  const token = newToken();
  // The user's row is locked while checking for a recent link and writing the new one, so two
  // clicks at once send one mail.
  const sent = await db.transaction().execute(async (trx) => {
    await trx.selectFrom("users").select("id").where("id", "=", userId).forUpdate().execute();
    const recent = await trx
      .selectFrom("email_verifications")
      .select("token_hash")
      .where("user_id", "=", userId)
      .where("created_at", ">", sql<Date>`now() - make_interval(mins => ${RESEND_AFTER_MINUTES})`)
      .executeTakeFirst();
    if (recent) return false;
    await trx
      .insertInto("email_verifications")
      .values({
        token_hash: hashToken(token),
        user_id: userId,
        email: user.email,
        expires_at: new Date(Date.now() + VERIFY_HOURS * 3600_000),
      })
      .execute();
    const t = translator(user.locale as Locale);
    await queueMail(trx, {
      regionId: null,
      to: user.email,
      subject: t("emailVerification.mailSubject"),
      text: `${t("emailVerification.mailBody", {
        link: `${opts.publicUrl}/verify-email/${token}`,
        hours: VERIFY_HOURS,
      })}\n\n${t("mail.signature")}`,
    });
    return true;
  });
  return ok({ sent });
}
