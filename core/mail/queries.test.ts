import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../test/db.ts";
import { makeScope } from "../../test/fixtures.ts";
import { MAX_ATTEMPTS, queueMail, withoutAddresses } from "./outbox.ts";
import { getOutboxMail, listOutbox } from "./queries.ts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.dispose();
});

async function mail(regionId: string, subject: string, at: Date) {
  await t.db
    .transaction()
    .execute((tx) => queueMail(tx, { regionId, to: "iemand@example.org", subject, text: "Tekst" }));
  // Spread the mails over time so that the order is known.
  return t.db
    .updateTable("outbox")
    .set({ created_at: at } as never)
    .where("subject", "=", subject)
    .returning("id")
    .executeTakeFirstOrThrow();
}

describe("the region's outbox", () => {
  it("lists only the region's mails, newest first, a page at a time", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const other = await makeScope(t.db, "admin");
    for (let i = 0; i < 7; i++)
      await mail(scope.regionId, `Bericht ${i}`, new Date(2025, 0, i + 1));
    await mail(other.scope.regionId, "Elders", new Date(2025, 5, 1));

    const first = await listOutbox(scope, { page: 1, pageSize: 3 });
    expect(first).toMatchObject({ total: 7, page: 1, pages: 3 });
    expect(first.mails.map((m) => m.subject)).toEqual(["Bericht 6", "Bericht 5", "Bericht 4"]);
    const last = await listOutbox(scope, { page: 3, pageSize: 3 });
    expect(last.mails.map((m) => m.subject)).toEqual(["Bericht 0"]);
    // Out-of-range and nonsense pages land on a real page.
    expect((await listOutbox(scope, { page: 99, pageSize: 3 })).page).toBe(3);
    expect((await listOutbox(scope, { page: Number.NaN, pageSize: 3 })).page).toBe(1);
  });

  it("tells waiting, retrying, failed and sent apart", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const waiting = await mail(scope.regionId, "Wacht", new Date(2025, 0, 1));
    const retrying = await mail(scope.regionId, "Opnieuw", new Date(2025, 0, 2));
    const failed = await mail(scope.regionId, "Mislukt", new Date(2025, 0, 3));
    const sent = await mail(scope.regionId, "Verzonden", new Date(2025, 0, 4));
    await t.db
      .updateTable("outbox")
      .set({ attempts: 2, last_error: "421 try later" })
      .where("id", "=", retrying.id)
      .execute();
    await t.db
      .updateTable("outbox")
      .set({ attempts: MAX_ATTEMPTS, last_error: "550 unknown user" })
      .where("id", "=", failed.id)
      .execute();
    await t.db
      .updateTable("outbox")
      .set({ attempts: 1, sent_at: new Date() })
      .where("id", "=", sent.id)
      .execute();
    const status = async (id: string) => (await getOutboxMail(scope, id, "•"))?.status;
    expect(await status(waiting.id)).toBe("waiting");
    expect(await status(retrying.id)).toBe("retrying");
    expect(await status(failed.id)).toBe("failed");
    expect(await status(sent.id)).toBe("sent");
    expect((await getOutboxMail(scope, retrying.id, "•"))?.lastError).toBe("421 try later");
  });

  it("does not show another region's mail, nor choke on a malformed id", async () => {
    const { scope } = await makeScope(t.db, "admin");
    const other = await makeScope(t.db, "admin");
    const theirs = await mail(other.scope.regionId, "Van hen", new Date());
    expect(await getOutboxMail(scope, theirs.id, "•")).toBeNull();
    expect(await getOutboxMail(scope, "../../etc/passwd", "•")).toBeNull();
    expect((await getOutboxMail(other.scope, theirs.id, "•"))?.subject).toBe("Van hen");
  });
});

describe("mail logging", () => {
  it("keeps addresses out of delivery errors", () => {
    expect(
      withoutAddresses("550 5.1.1 <jan.de.vries@example.org>: Recipient address rejected"),
    ).toBe("550 5.1.1 <[address]>: Recipient address rejected");
  });
});
