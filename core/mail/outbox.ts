import type { Expression, ExpressionBuilder, ExpressionOrFactory, SqlBool } from "kysely";
import nodemailer, { type Transporter } from "nodemailer";
import type { Db, Tx } from "../kernel/tx.ts";
import type { Database, MailAttachment } from "../../db/schema.ts";

export interface MailMessage {
  regionId: string | null;
  to: string;
  subject: string;
  text: string;
  /** Calendar invites and the like; kept in the outbox row so a retry sends them too. */
  attachments?: MailAttachment[];
  /** The registration the mail is about: erasing the registration erases its mails. */
  registrationId?: string;
}

export interface MailLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** After this many failed deliveries a mail is given up on; admins see it as failed. */
export const MAX_ATTEMPTS = 5;
const BATCH = 20;

/**
 * SMTP errors often quote the recipient ("550 <name@example.org>: user unknown"); addresses are
 * personal data and stay out of the logs.
 */
export function withoutAddresses(message: string): string {
  return message.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, "[address]");
}

/**
 * Every mail is written to the outbox table first, in the caller's transaction (a `Tx`, so it cannot be
 * queued outside one), so a mail is never sent for work that was rolled back and never lost when SMTP is down.
 * Returns the new row's id.
 */
export async function queueMail(db: Tx, mail: MailMessage): Promise<string> {
  const { id } = await db
    .insertInto("outbox")
    .values({
      region_id: mail.regionId,
      to_address: mail.to,
      subject: mail.subject,
      body_text: mail.text,
      attachments: JSON.stringify(mail.attachments ?? []),
      registration_id: mail.registrationId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Deletes the mails a condition names, after locking them `FOR UPDATE`. A resend holds its
 * original `FOR SHARE` until its copy is committed (core/mail/resendMail.ts): the lock makes the
 * erasure wait for that, and the DELETE, a statement that starts after the wait, sees the copy
 * too. A DELETE alone would wait on the original just as long, yet only see the rows that were
 * there when it started, and the copy, with the recipient's personal link, would stay and be sent.
 */
export async function deleteMails(
  db: Tx,
  where: (eb: ExpressionBuilder<Database, "outbox">) => Expression<SqlBool>,
): Promise<void> {
  await db.selectFrom("outbox").select("id").where(where).forUpdate().execute();
  await db.deleteFrom("outbox").where(where).execute();
}

/**
 * Erasure of a registration: its mails leave the outbox, sent or not, since they carry the name,
 * the online meeting link and the registrant's own link. Mails from before the outbox knew its
 * registrations are found by the address in the registration's region.
 */
export async function forgetRegistrationMails(
  db: Tx,
  registration: { id: string; regionId: string; email: string },
): Promise<void> {
  await deleteMails(db, (eb) =>
    eb.or([
      eb("registration_id", "=", registration.id),
      eb.and([
        eb("registration_id", "is", null),
        eb("region_id", "=", registration.regionId),
        eb("to_address", "=", registration.email),
      ]),
    ]),
  );
}

/** The same for every registration a subquery names at once (the retention sweep). */
export async function forgetMailsOfRegistrations(
  db: Tx,
  registrationIds: ExpressionOrFactory<Database, "outbox", string | null>,
): Promise<void> {
  await deleteMails(db, (eb) => eb("registration_id", "in", registrationIds));
}

/**
 * Delivers the outbox through SMTP when one is configured. Without SMTP, mail stays in the
 * outbox for admins to read in the app.
 */
export class Mailer {
  private transport: Transporter | null;
  private running: Promise<number> | null = null;
  private again = false;

  private db: Db;
  private from: string;
  private log: MailLog;

  constructor(db: Db, smtpUrl: string | undefined, from: string, log: MailLog) {
    this.db = db;
    this.from = from;
    this.log = log;
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : null;
  }

  get delivers(): boolean {
    return this.transport !== null;
  }

  /** Starts a delivery round now; calls during a round schedule one more round after it. */
  kick(): Promise<number> {
    if (!this.transport) return Promise.resolve(0);
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.deliverPending().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.kick();
      }
    });
    return this.running;
  }

  private async deliverPending(): Promise<number> {
    const transport = this.transport!;
    let sent = 0;
    for (;;) {
      // Claim a batch in a short transaction and send outside it: an SMTP round trip must not
      // hold a database connection (PGlite has only one). A claim older than five minutes is
      // taken to be from a process that died while sending. SKIP LOCKED lets several processes
      // share one outbox without sending a mail twice.
      const batch = await this.db
        .updateTable("outbox")
        .set((eb) => ({ claimed_at: new Date(), attempts: eb("attempts", "+", 1) }))
        .where("id", "in", (eb) =>
          eb
            .selectFrom("outbox")
            .select("id")
            .where("sent_at", "is", null)
            .where("attempts", "<", MAX_ATTEMPTS)
            .where((w) =>
              w.or([
                w("claimed_at", "is", null),
                w("claimed_at", "<", new Date(Date.now() - 5 * 60_000)),
              ]),
            )
            .orderBy("created_at")
            .limit(BATCH)
            .forUpdate()
            .skipLocked(),
        )
        .returning(["id", "to_address", "subject", "body_text", "attachments"])
        .execute();
      let failed = false;
      for (const row of batch) {
        try {
          await transport.sendMail({
            from: this.from,
            to: row.to_address,
            subject: row.subject,
            text: row.body_text,
            attachments: row.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              content: a.content,
            })),
          });
          await this.db
            .updateTable("outbox")
            .set({ sent_at: new Date(), last_error: null })
            .where("id", "=", row.id)
            .execute();
          sent++;
        } catch (err) {
          failed = true;
          const message = err instanceof Error ? err.message : String(err);
          this.log.warn({ mailId: row.id, err: withoutAddresses(message) }, "mail delivery failed");
          // Released for the next periodic round rather than retried at once.
          await this.db
            .updateTable("outbox")
            .set({ claimed_at: null, last_error: message.slice(0, 500) })
            .where("id", "=", row.id)
            .execute();
        }
      }
      if (batch.length < BATCH || failed) break;
    }
    if (sent > 0) this.log.info({ sent }, "mail delivered");
    return sent;
  }

  close(): void {
    this.transport?.close();
  }
}
