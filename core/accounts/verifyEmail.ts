import { sql } from "kysely";
import type { Db } from "../../db/client.ts";
import { translator, type Locale } from "../../i18n/index.ts";
import { queueMail } from "../mail/outbox.ts";
import { gone, notFound, ok, type Result } from "../kernel/result.ts";
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

/** Whether a verification link can still be used (for the page that asks to confirm). */
export async function isVerificationTokenValid(db: Db, token: string): Promise<boolean> {
  const row = await db
    .selectFrom("email_verifications")
    .select("user_id")
    .where("token_hash", "=", hashToken(token))
    .where("expires_at", ">", new Date())
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Uses a verification link: the account's address becomes its owner's, provided it is still the
 * address the link was sent to. Every other open link of the account goes with it. A used or
 * expired link, or one for an address the account no longer has, is `gone`.
 */
export async function verifyEmail(db: Db, token: string): Promise<Result<{ userId: string }>> {
  return db.transaction().execute(async (trx) => {
    // Deleting the row claims it: of two uses at once, one finds it.
    const claimed = await trx
      .deleteFrom("email_verifications")
      .where("token_hash", "=", hashToken(token))
      .where("expires_at", ">", new Date())
      .returning(["user_id", "email"])
      .executeTakeFirst();
    if (!claimed) return gone("emailVerification.invalid");
    const verified = await trx
      .updateTable("users")
      .set({ email_verified_at: sql<Date>`coalesce(email_verified_at, now())` })
      .where("id", "=", claimed.user_id)
      .where("email", "=", claimed.email)
      .returning("id")
      .executeTakeFirst();
    if (!verified) return gone("emailVerification.invalid");
    await trx.deleteFrom("email_verifications").where("user_id", "=", claimed.user_id).execute();
    return ok({ userId: claimed.user_id });
  });
}

/** Whether the account's address is proven to be its owner's. */
export async function isEmailVerified(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select("email_verified_at")
    .where("id", "=", userId)
    .executeTakeFirst();
  return row?.email_verified_at != null;
}
