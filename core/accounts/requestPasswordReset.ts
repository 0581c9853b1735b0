import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { translator, type Locale } from "../../i18n/index.ts";
import { forgetJobPayload, scheduleJob, type JobHandler } from "../jobs/jobs.ts";
import { queueMail } from "../mail/outbox.ts";
import { clientKey } from "../kernel/clientKey.ts";
import { ok, rateLimited, type Result } from "../kernel/result.ts";
import { email, validate } from "../kernel/validate.ts";
import { hashToken, newToken } from "./tokens.ts";

const RESET_MINUTES = 60;

/**
 * Reset mails are something anyone can make us send to anyone: at most 3 links per e-mail address
 * per hour (more is a flood in somebody's inbox, not a forgotten password), and at most 20
 * requests per client address per 15 minutes (one office asking for its people is far below it).
 */
export const RESET_LIMITS = {
  perAddress: { points: 3, duration: 60 * 60 },
  perClient: { points: 20, duration: 15 * 60 },
} as const;

/**
 * What may happen with a reset request: "send" a link; "quiet": this address had its links for
 * now, answer as if sent but send nothing (the answer must not differ); "refuse": this client
 * asked too often, and may be told so. In memory for now, like the login limiter.
 */
export interface ResetLimiter {
  check(address: string, client: string): Promise<"send" | "quiet" | "refuse">;
}

export function createResetLimiter(): ResetLimiter {
  const perClient = new RateLimiterMemory(RESET_LIMITS.perClient);
  const perAddress = new RateLimiterMemory(RESET_LIMITS.perAddress);
  const spent = async (limiter: RateLimiterMemory, key: string) => {
    try {
      await limiter.consume(key);
      return false;
    } catch (err) {
      if (err instanceof RateLimiterRes) return true;
      throw err;
    }
  };
  return {
    async check(address, client) {
      if (await spent(perClient, clientKey(client))) return "refuse";
      return (await spent(perAddress, address)) ? "quiet" : "send";
    },
  };
}

export const PASSWORD_RESET_JOB = "passwordReset";

/**
 * Asks for a reset link. The request itself never looks at the accounts: it plans one job with
 * the address, the same single insert whether or not the address has an account, and the job
 * (run after the answer went out) looks the address up and mails the link. So neither the answer
 * nor its timing tells who has an account; doing "the same work" for an unknown address inside the
 * request would still differ (a transaction with writes commits slower than one without).
 */
export async function requestPasswordReset(
  db: Db,
  limiter: ResetLimiter,
  input: unknown,
  clientAddress: string,
  opts: { publicUrl: string },
): Promise<Result<{ planned: boolean }>> {
  const parsed = validate(z.object({ email: email() }), input);
  if (!parsed.ok) return parsed;
  const address = parsed.value.email;
  const decision = await limiter.check(address, clientAddress);
  if (decision === "refuse") return rateLimited("auth.tooManyResetRequests");
  if (decision === "quiet") return ok({ planned: false });
  const key = `${PASSWORD_RESET_JOB}:${newToken()}`;
  await db.transaction().execute((tx) =>
    scheduleJob(tx, {
      key,
      kind: PASSWORD_RESET_JOB,
      runAt: new Date(),
      payload: { key, email: address, publicUrl: opts.publicUrl },
    }),
  );
  return ok({ planned: true });
}

const resetJobPayload = z.object({ key: z.string(), email: z.string(), publicUrl: z.string() });

/**
 * The job behind a reset request: when the address has an account, a link (valid for an hour)
 * goes into the outbox, in the job's own transaction.
 */
export const passwordResetJobHandlers: Record<string, JobHandler> = {
  async [PASSWORD_RESET_JOB](trx, payload) {
    const { key, email: address, publicUrl } = resetJobPayload.parse(payload);
    // The job row stays as a record that it ran; the address does not stay with it.
    await forgetJobPayload(trx, key);
    const user = await trx
      .selectFrom("users")
      .select(["id", "locale"])
      .where("email", "=", address)
      .executeTakeFirst();
    if (!user) return;
    await trx
      .deleteFrom("password_resets")
      .where("user_id", "=", user.id)
      .where("expires_at", "<=", new Date())
      .execute();
    const token = newToken();
    await trx
      .insertInto("password_resets")
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        expires_at: new Date(Date.now() + RESET_MINUTES * 60_000),
      })
      .execute();
    const t = translator(user.locale as Locale);
    await queueMail(trx, {
      regionId: null,
      to: address,
      subject: t("mail.passwordReset.subject"),
      text: `${t("mail.passwordReset.body", { link: `${publicUrl}/reset-password/${token}` })}\n\n${t("mail.signature")}`,
    });
  },
};
