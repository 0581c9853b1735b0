import type { RegionScope } from "../kernel/scope.ts";
import { redactSecretLinks } from "../kernel/secretLinks.ts";
import { isId } from "../kernel/validate.ts";
import { MAX_ATTEMPTS } from "./outbox.ts";

export type MailStatus = "sent" | "waiting" | "retrying" | "failed";

export interface OutboxRow {
  id: string;
  to: string;
  subject: string;
  createdAt: Date;
  sentAt: Date | null;
  attempts: number;
  status: MailStatus;
}

export const OUTBOX_PAGE_SIZE = 25;

/**
 * A delivery round counts an attempt when it claims the mail, before sending; so a mail counts as
 * failed only once its last claim has been released with an error.
 */
function statusOf(row: {
  sent_at: Date | string | null;
  attempts: number;
  claimed_at: Date | string | null;
  last_error: string | null;
}): MailStatus {
  if (row.sent_at !== null) return "sent";
  if (row.attempts >= MAX_ATTEMPTS && row.claimed_at === null) return "failed";
  return row.last_error !== null ? "retrying" : "waiting";
}

/** One page of the region's mails, newest first, with the total for the pager. */
export async function listOutbox(
  scope: RegionScope,
  opts: { page: number; pageSize?: number },
): Promise<{ mails: OutboxRow[]; total: number; page: number; pages: number }> {
  const pageSize = opts.pageSize ?? OUTBOX_PAGE_SIZE;
  const { n } = await scope.db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("region_id", "=", scope.regionId)
    .executeTakeFirstOrThrow();
  const total = Number(n);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(opts.page) || 1), pages);
  const rows = await scope.db
    .selectFrom("outbox")
    .select([
      "id",
      "to_address",
      "subject",
      "created_at",
      "sent_at",
      "attempts",
      "claimed_at",
      "last_error",
    ])
    .where("region_id", "=", scope.regionId)
    // The id breaks ties: mails queued in one transaction share their created_at.
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    total,
    page,
    pages,
    mails: rows.map((r) => ({
      id: r.id,
      to: r.to_address,
      subject: r.subject,
      createdAt: r.created_at,
      sentAt: r.sent_at === null ? null : new Date(r.sent_at),
      attempts: r.attempts,
      status: statusOf(r),
    })),
  };
}

/**
 * One mail of the region, or null for an id that does not exist or belongs to another region.
 * The text comes with every personal link (invitation, password reset, a registrant's own page)
 * replaced by `secretMarker`: the link is the recipient's key, and an admin who could read it
 * could act as the recipient, even an address that belongs to another region.
 */
export async function getOutboxMail(scope: RegionScope, mailId: string, secretMarker: string) {
  if (!isId(mailId)) return null;
  const row = await scope.db
    .selectFrom("outbox")
    .select([
      "id",
      "to_address",
      "subject",
      "body_text",
      "created_at",
      "sent_at",
      "attempts",
      "claimed_at",
      "last_error",
      "attachments",
    ])
    .where("region_id", "=", scope.regionId)
    .where("id", "=", mailId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: redactSecretLinks(row.body_text, secretMarker),
    createdAt: row.created_at,
    sentAt: row.sent_at === null ? null : new Date(row.sent_at),
    attempts: row.attempts,
    lastError: row.last_error,
    status: statusOf(row),
    // What the admin can download: each file as `outboxAttachment` gives it, secrets hidden.
    attachments: row.attachments.map((a, index) => ({
      index,
      filename: a.filename,
      contentType: a.contentType,
      bytes: Buffer.byteLength(redactSecretLinks(a.content, secretMarker)),
    })),
  };
}

/**
 * One attachment of one of the region's mails (by its place in the mail), or null. Its personal
 * links are hidden as in the text: a calendar invite carries the registrant's own page.
 */
export async function outboxAttachment(
  scope: RegionScope,
  mailId: string,
  index: number,
  secretMarker: string,
): Promise<{ filename: string; contentType: string; content: string } | null> {
  if (!isId(mailId) || !Number.isInteger(index) || index < 0) return null;
  const row = await scope.db
    .selectFrom("outbox")
    .select("attachments")
    .where("region_id", "=", scope.regionId)
    .where("id", "=", mailId)
    .executeTakeFirst();
  const found = row?.attachments[index];
  if (!found) return null;
  return { ...found, content: redactSecretLinks(found.content, secretMarker) };
}
