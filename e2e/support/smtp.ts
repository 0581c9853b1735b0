import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  /** Parts of a multipart mail other than its text (calendar invites). */
  attachments: ReceivedAttachment[];
}

export interface TestSmtp {
  url: string;
  mails: ReceivedMail[];
  waitForMail(
    predicate: (mail: ReceivedMail) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** Bytes of a quoted-printable body, decoded as UTF-8 only at the end so multi-byte characters survive. */
function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** RFC 2047 encoded words, which nodemailer uses for subjects with non-ASCII characters. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(
      /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g,
      (_all, _charset: string, enc: string, text: string) =>
        enc.toUpperCase() === "B"
          ? Buffer.from(text, "base64").toString("utf8")
          : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const split = raw.search(/\r?\n\r?\n/);
  const head = (split < 0 ? raw : raw.slice(0, split)).replace(/\r?\n[ \t]+/g, " ");
  const body = split < 0 ? "" : raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(part.body)
      : encoding === "base64"
        ? Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8")
        : part.body;
  return text.replace(/\r\n/g, "\n");
}

/** The leaf parts of a (possibly nested) multipart body, in order. */
function leaves(part: Part): Part[] {
  const type = part.headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith("multipart/") || !boundary) return [part];
  return part.body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith("--"))
    .flatMap((chunk) => leaves(splitPart(chunk.replace(/^\r?\n/, ""))));
}

/**
 * Just enough MIME for what the app sends: a text/plain body in 7bit, quoted-printable or
 * base64, alone or in a multipart mail with attachments (calendar invites). A full parser would
 * be another dependency for no gain here.
 */
export function parseMail(raw: string, recipients: string[]): ReceivedMail {
  const mail = splitPart(raw);
  const parts = leaves(mail);
  const isAttachment = (p: Part) =>
    /attachment|filename=/i.test(p.headers.get("content-disposition") ?? "") ||
    /name=/i.test(p.headers.get("content-type") ?? "");
  const textPart =
    parts.find(
      (p) =>
        !isAttachment(p) && /^text\/plain/i.test(p.headers.get("content-type") ?? "text/plain"),
    ) ?? parts[0]!;
  return {
    to: recipients,
    subject: decodeWords(mail.headers.get("subject") ?? ""),
    text: decodeBody(textPart),
    attachments: parts.filter(isAttachment).map((p) => ({
      filename:
        /filename="?([^";]+)"?/i.exec(p.headers.get("content-disposition") ?? "")?.[1] ??
        /name="?([^";]+)"?/i.exec(p.headers.get("content-type") ?? "")?.[1] ??
        "",
      contentType: (p.headers.get("content-type") ?? "").split(";")[0]!.trim(),
      content: decodeBody(p),
    })),
  };
}

/** A real SMTP server on a free local port that keeps every message it is given. */
export async function startSmtp(): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    secure: false,
    // Advertising STARTTLS would make nodemailer upgrade to a self-signed certificate and fail.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        mails.push(parseMail(Buffer.concat(chunks).toString("utf8"), recipients));
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    waitForMail(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = mails.find(predicate);
          if (!found) return false;
          cleanup();
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `no matching mail within ${timeoutMs} ms; received: ${JSON.stringify(mails.map((m) => ({ to: m.to, subject: m.subject })))}`,
            ),
          );
        }, timeoutMs);
        const wake = () => void check();
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        waiters.add(wake);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first http(s) link in a mail body. */
export function linkIn(mail: ReceivedMail): string {
  const m = /https?:\/\/\S+/.exec(mail.text);
  if (!m) throw new Error(`no link in mail "${mail.subject}":\n${mail.text}`);
  return m[0];
}
