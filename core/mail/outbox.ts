import nodemailer, { type Transporter } from "nodemailer";
import type { Db } from "../../db/client.ts";

export interface MailMessage {
  regionId: string | null;
  to: string;
  subject: string;
  text: string;
}

export interface MailLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

const MAX_ATTEMPTS = 5;

/**
 * Every mail is written to the outbox table first, in the caller's transaction when it has one,
 * so a mail is never sent for work that was rolled back and never lost when SMTP is down.
 */
export async function queueMail(db: Db, mail: MailMessage): Promise<void> {
  await db
    .insertInto("outbox")
    .values({
      region_id: mail.regionId,
      to_address: mail.to,
      subject: mail.subject,
      body_text: mail.text,
    })
    .execute();
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
      let failed = false;
      const batch = await this.db.transaction().execute(async (trx) => {
        // SKIP LOCKED lets several app processes share one outbox without sending a mail twice.
        const rows = await trx
          .selectFrom("outbox")
          .select(["id", "to_address", "subject", "body_text", "attempts"])
          .where("sent_at", "is", null)
          .where("attempts", "<", MAX_ATTEMPTS)
          .orderBy("created_at")
          .limit(20)
          .forUpdate()
          .skipLocked()
          .execute();
        for (const row of rows) {
          try {
            await transport.sendMail({
              from: this.from,
              to: row.to_address,
              subject: row.subject,
              text: row.body_text,
            });
            await trx
              .updateTable("outbox")
              .set({ sent_at: new Date(), attempts: row.attempts + 1, last_error: null })
              .where("id", "=", row.id)
              .execute();
            sent++;
          } catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            failed = true;
            this.log.warn({ mailId: row.id, err: message }, "mail delivery failed");
            await trx
              .updateTable("outbox")
              .set({ attempts: row.attempts + 1, last_error: message.slice(0, 500) })
              .where("id", "=", row.id)
              .execute();
          }
        }
        return rows.length;
      });
      // After a failure the next round waits for the periodic retry instead of hammering SMTP.
      if (batch < 20 || failed) break;
    }
    if (sent > 0) this.log.info({ sent }, "mail delivered");
    return sent;
  }

  close(): void {
    this.transport?.close();
  }
}
