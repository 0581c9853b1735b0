import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { Mailer, queueMail } from "./outbox.ts";

const quiet = { info() {}, warn() {} };

/** A real SMTP server in the test process that keeps what it receives. */
async function startSmtp() {
  const received: { to: string[]; data: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (c: Buffer) => (data += c.toString()));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

describe("the outbox", () => {
  it("keeps mail in the outbox when no SMTP is configured", async () => {
    const mailer = new Mailer(t.db, undefined, "Lerende Regio <noreply@example.org>", quiet);
    await t.db.transaction().execute((tx) =>
      queueMail(tx, {
        regionId: null,
        to: "kept@example.org",
        subject: "Bewaard",
        text: "Hallo",
      }),
    );
    expect(await mailer.kick()).toBe(0);
    const row = await t.db
      .selectFrom("outbox")
      .selectAll()
      .where("to_address", "=", "kept@example.org")
      .executeTakeFirstOrThrow();
    expect(row.sent_at).toBeNull();
  });

  it("delivers through a real SMTP server and marks the mail sent, once", async () => {
    const smtp = await startSmtp();
    try {
      const mailer = new Mailer(
        t.db,
        `smtp://127.0.0.1:${smtp.port}`,
        "Lerende Regio <noreply@example.org>",
        quiet,
      );
      await t.db.transaction().execute((tx) =>
        queueMail(tx, {
          regionId: null,
          to: "deelnemer@example.org",
          subject: "Welkom bij de sessie",
          text: "Tot dinsdag!",
        }),
      );
      await mailer.kick();
      await mailer.kick();
      const mine = smtp.received.filter((m) => m.to.includes("deelnemer@example.org"));
      expect(mine).toHaveLength(1);
      expect(mine[0]!.data).toContain("Welkom bij de sessie");
      expect(mine[0]!.data).toContain("Tot dinsdag!");
      const row = await t.db
        .selectFrom("outbox")
        .selectAll()
        .where("to_address", "=", "deelnemer@example.org")
        .executeTakeFirstOrThrow();
      expect(row.sent_at).not.toBeNull();
      mailer.close();
    } finally {
      await smtp.close();
    }
  });

  it("keeps a mail that could not be delivered and delivers it when SMTP is back", async () => {
    const smtp = await startSmtp();
    const port = smtp.port;
    await smtp.close();
    const down = new Mailer(t.db, `smtp://127.0.0.1:${port}`, "noreply@example.org", quiet);
    await t.db.transaction().execute((tx) =>
      queueMail(tx, {
        regionId: null,
        to: "later@example.org",
        subject: "Later",
        text: "Toch bezorgd",
      }),
    );
    await down.kick();
    const failed = await t.db
      .selectFrom("outbox")
      .selectAll()
      .where("to_address", "=", "later@example.org")
      .executeTakeFirstOrThrow();
    expect(failed.sent_at).toBeNull();
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toBeTruthy();
    down.close();

    const again = await startSmtp();
    try {
      const up = new Mailer(t.db, `smtp://127.0.0.1:${again.port}`, "noreply@example.org", quiet);
      await up.kick();
      expect(again.received.some((m) => m.to.includes("later@example.org"))).toBe(true);
      up.close();
    } finally {
      await again.close();
    }
  });
});
